<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit resident</source>
        <translation>修改居民信息</translation>
    </message>
    <message>
        <source>Add resident</source>
        <translation>登记居民</translation>
    </message>
    <message>
        <source>Kept: %1 (type a new number to change)</source>
        <translation>保持 %1（如需更改请输入新号码）</translation>
    </message>
    <message>
        <source>18 digits; gender is taken from it</source>
        <translation>18位，性别按号码自动识别</translation>
    </message>
    <message>
        <source>(from the identity number)</source>
        <translation>（按身份证号码）</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>户</translation>
    </message>
    <message>
        <source>Household head (庭户长)</source>
        <translation>庭户长</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Volunteer number</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <source>Tags separated by 、 or commas, e.g. 理发、水电维修</source>
        <translation>用顿号或逗号分隔，如 理发、水电维修</translation>
    </message>
    <message>
        <source>What the resident offers to do for neighbours</source>
        <translation>愿意为邻居提供的服务</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Identity number:</source>
        <translation>身份证号码(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation>性别(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>联系电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Community:</source>
        <translation>社区(&amp;C)：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>住址：</translation>
    </message>
    <message>
        <source>&amp;Skills:</source>
        <translation>技能(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Offers:</source>
        <translation>可提供服务(&amp;O)：</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>Volunteer number: tick &apos;Volunteer&apos; as well.</source>
        <translation>志愿者编号：请同时勾选“志愿者”。</translation>
    </message>
    <message>
        <source>Open the registered resident</source>
        <translation>打开已登记的居民</translation>
    </message>
</context>
</TS>

<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>OrgDialog</name>
    <message>
        <source>Edit organization</source>
        <translation>编辑组织档案</translation>
    </message>
    <message>
        <source>New organization</source>
        <translation>新建组织档案</translation>
    </message>
    <message>
        <source>18 characters, e.g. 52370102MJ1234561G</source>
        <translation>18位，如 52370102MJ1234561G</translation>
    </message>
    <message>
        <source>Why this early code is accepted (admins only)</source>
        <translation>接受这个早期代码的理由（仅管理员）</translation>
    </message>
    <message>
        <source>Accept failing check because</source>
        <translation>校验码不符仍接受，理由</translation>
    </message>
    <message>
        <source>mobile or 0531-86012345</source>
        <translation>手机号或 0531-86012345</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>S&amp;hort name</source>
        <translation>简称(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>Ca&amp;tegory</source>
        <translation>类别(&amp;T)</translation>
    </message>
    <message>
        <source>Credit &amp;code</source>
        <translation>统一社会信用代码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Filing number</source>
        <translation>备案编号(&amp;F)</translation>
    </message>
    <message>
        <source>Founded on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>备案日期</translation>
    </message>
    <message>
        <source>Co&amp;mmunity</source>
        <translation>所属社区(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Leader</source>
        <translation>负责人(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员人数</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者人数</translation>
    </message>
    <message>
        <source>Party members</source>
        <translation>党员人数</translation>
    </message>
    <message>
        <source>Party building</source>
        <translation>党建形式</translation>
    </message>
    <message>
        <source>Service domains</source>
        <translation>服务领域</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Credit code: required for this kind.</source>
        <translation>统一社会信用代码：这种组织类型必须填写。</translation>
    </message>
    <message>
        <source>Party members: more than the members.</source>
        <translation>党员人数：多于成员人数。</translation>
    </message>
</context>
</TS>
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review: %1</source>
        <translation>评价：%1</translation>
    </message>
    <message>
        <source>1 - very dissatisfied</source>
        <translation>1 - 很不满意</translation>
    </message>
    <message>
        <source>2 - dissatisfied</source>
        <translation>2 - 不满意</translation>
    </message>
    <message>
        <source>3 - acceptable</source>
        <translation>3 - 一般</translation>
    </message>
    <message>
        <source>4 - satisfied</source>
        <translation>4 - 满意</translation>
    </message>
    <message>
        <source>5 - very satisfied</source>
        <translation>5 - 非常满意</translation>
    </message>
    <message>
        <source>What the resident said</source>
        <translation>居民的评价</translation>
    </message>
    <message>
        <source>Served by:</source>
        <translation>服务方：</translation>
    </message>
    <message>
        <source>&amp;Satisfaction:</source>
        <translation>满意度(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>评价内容(&amp;C)：</translation>
    </message>
    <message>
        <source>%1 points go to the volunteer&apos;s love passbook.</source>
        <translation>%1 积分将记入该志愿者的爱心存折。</translation>
    </message>
</context>
</TS>

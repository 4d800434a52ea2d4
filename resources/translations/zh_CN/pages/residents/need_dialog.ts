<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>NeedDialog</name>
    <message>
        <source>Edit need</source>
        <translation>修改需求</translation>
    </message>
    <message>
        <source>New need</source>
        <translation>登记需求</translation>
    </message>
    <message>
        <source>(the requester's community)</source>
        <translation>（求助居民所在社区）</translation>
    </message>
    <message>
        <source>Type a name or pinyin initials</source>
        <translation>输入姓名或拼音首字母</translation>
    </message>
    <message>
        <source>(nobody in particular)</source>
        <translation>（不指定）</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>设定期限</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>需求标题(&amp;T)：</translation>
    </message>
    <message>
        <source>C&amp;ategory:</source>
        <translation>类别(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>需求描述(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Asked by:</source>
        <translation>求助居民(&amp;A)：</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>求助居民</translation>
    </message>
    <message>
        <source>Co&amp;mmunity:</source>
        <translation>社区(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Urgency:</source>
        <translation>紧急程度(&amp;U)：</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>截止日期：</translation>
    </message>
    <message>
        <source>&amp;Reward points:</source>
        <translation>奖励积分(&amp;R)：</translation>
    </message>
</context>
</TS>
<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>LookupList</name>
    <message>
        <source>&amp;Add...</source>
        <translation>添加(&amp;A)...</translation>
    </message>
    <message>
        <source>&amp;Rename...</source>
        <translation>改名(&amp;R)...</translation>
    </message>
    <message>
        <source>R&amp;etire</source>
        <translation>停用(&amp;E)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Retire “%1”? It is no longer offered for new entries; organizations keep the name.</source>
        <translation>停用“%1”？新登记时不再提供这一项；已用它的组织保留原名称。</translation>
    </message>
</context>
<context>
    <name>LookupsDialog</name>
    <message>
        <source>Categories and service domains</source>
        <translation>组织类别和服务领域</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>组织类别</translation>
    </message>
    <message>
        <source>Service domains</source>
        <translation>服务领域</translation>
    </message>
</context>
</TS>
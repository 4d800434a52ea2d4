<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <source>Community &amp;name</source>
        <translation>社区名称(&amp;N)</translation>
    </message>
    <message>
        <source>e.g. 甸柳第一社区</source>
        <translation>如 甸柳第一社区</translation>
    </message>
    <message>
        <source>Statistical &amp;code</source>
        <translation>统计代码(&amp;C)</translation>
    </message>
    <message>
        <source>12 digits, optional</source>
        <translation>12位统计用区划代码，可不填</translation>
    </message>
</context>
<context>
    <name>CommunitiesTab</name>
    <message>
        <source>No communities yet. Add the street's communities (社区) here: residents, organizations and needs each belong to one.</source>
        <translation>还没有社区。请在这里添加本街道的社区：居民、组织和需求都归属于某个社区。</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Statistical code</source>
        <translation>统计代码</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Add community...</source>
        <translation>添加社区(&amp;A)...</translation>
    </message>
    <message>
        <source>&amp;Rename...</source>
        <translation>改名(&amp;R)...</translation>
    </message>
    <message>
        <source>&amp;Merge into...</source>
        <translation>合并到(&amp;M)...</translation>
    </message>
    <message>
        <source>Re&amp;tire</source>
        <translation>撤销(&amp;T)</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Take back into &amp;use</source>
        <translation>恢复使用(&amp;U)</translation>
    </message>
    <message>
        <source>Add community</source>
        <translation>添加社区</translation>
    </message>
    <message>
        <source>Rename community</source>
        <translation>修改社区</translation>
    </message>
    <message>
        <source>Every resident, organization and need of this community follows the new name.</source>
        <translation>这个社区的居民、组织和需求都随之使用新名称。</translation>
    </message>
    <message>
        <source>Merge communities</source>
        <translation>合并社区</translation>
    </message>
    <message>
        <source>Move every record of “%1” to another community; “%1” then goes away.</source>
        <translation>把“%1”的所有记录移到另一个社区，随后“%1”不再保留。</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <source>Merge into</source>
        <translation>并入</translation>
    </message>
    <message>
        <source>Retire community</source>
        <translation>撤销社区</translation>
    </message>
    <message>
        <source>Retire “%1”? It is no longer offered for new records; its records keep its name.</source>
        <translation>撤销“%1”？新记录不再能选它，已有记录仍写着它的名字。</translation>
    </message>
</context>
</TS>
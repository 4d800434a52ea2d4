<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>NeedsForOrgDialog</name>
    <message>
        <source>Needs an organization could claim</source>
        <translation>组织可揭榜的需求</translation>
    </message>
    <message>
        <source>Find the organization by name or pinyin initials</source>
        <translation>按名称或拼音首字母查找组织</translation>
    </message>
    <message>
        <source>Published needs that fit its service domains and community:</source>
        <translation>与其服务领域和所在社区相符的已发布需求：</translation>
    </message>
    <message>
        <source>No published need fits this organization now.</source>
        <translation>目前没有适合该组织的已发布需求。</translation>
    </message>
</context>
</TS>
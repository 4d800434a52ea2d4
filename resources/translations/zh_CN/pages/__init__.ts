<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Navigation</name>
    <message>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>组织档案</translation>
    </message>
    <message>
        <source>Projects &amp; roadshows</source>
        <translation>项目与路演</translation>
    </message>
    <message>
        <source>Residents &amp; needs</source>
        <translation>居民与需求</translation>
    </message>
    <message>
        <source>Love passbook</source>
        <translation>爱心存折</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>证书打印</translation>
    </message>
    <message>
        <source>Data sync</source>
        <translation>数据同步</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
</context>
</TS>
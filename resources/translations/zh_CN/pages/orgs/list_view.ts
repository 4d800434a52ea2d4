<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>OrgListPanel</name>
    <message>
        <source>Search: name, short name, leader, credit code, pinyin initials (xqt)</source>
        <translation>搜索：名称、简称、负责人、信用代码、拼音首字母（xqt）</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>Any grade</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>未评估</translation>
    </message>
    <message>
        <source>Grade expired</source>
        <translation>等级已过期</translation>
    </message>
    <message>
        <source>%1A or better</source>
        <translation>%1A及以上</translation>
    </message>
    <message>
        <source>Resident or not</source>
        <translation>是否入驻</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>已入驻</translation>
    </message>
    <message>
        <source>Not resident</source>
        <translation>未入驻</translation>
    </message>
    <message>
        <source>&amp;To complete</source>
        <translation>只看待补(&amp;T)</translation>
    </message>
    <message>
        <source>Only organizations whose file still lacks something (e.g. a filing number)</source>
        <translation>只显示档案还缺内容（如备案编号）的组织</translation>
    </message>
    <message>
        <source>All streets</source>
        <translation>全部街道</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All service domains</source>
        <translation>全部服务领域</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <source>%1 organizations</source>
        <translation>共 %1 个组织</translation>
    </message>
</context>
</TS>
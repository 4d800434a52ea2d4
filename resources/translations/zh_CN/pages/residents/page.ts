<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ResidentsPage</name>
    <message>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Skills register</source>
        <translation>能人库</translation>
    </message>
    <message>
        <source>Need lists</source>
        <translation>需求清单</translation>
    </message>
</context>
</TS>
<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>StreetFilter</name>
    <message>
        <source>All streets</source>
        <translation>全部街道</translation>
    </message>
    <message>
        <source>Only the records of one street</source>
        <translation>只看一个街道的记录</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>街道</translation>
    </message>
</context>
</TS>
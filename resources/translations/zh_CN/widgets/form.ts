<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>FormDialog</name>
    <message>
        <source>yuan, e.g. 5000 or 5000.50</source>
        <translation>单位：元，如 5000 或 5000.50</translation>
    </message>
    <message>
        <source>%1: required.</source>
        <translation>%1：必填。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
</TS>
<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>FormDialog</name>
    <message>
        <source>yuan, e.g. 50000</source>
        <translation>元，例如 50000</translation>
    </message>
    <message>
        <source>Please fill in “%1”.</source>
        <translation>请填写“%1”。</translation>
    </message>
</context>
</TS>
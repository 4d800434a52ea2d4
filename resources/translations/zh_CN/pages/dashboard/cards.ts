<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>FigureCard</name>
    <message>
        <source>Click to open the list behind this figure</source>
        <translation>点击打开这个数字对应的列表</translation>
    </message>
</context>
</TS>
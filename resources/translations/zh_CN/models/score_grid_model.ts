<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ScoreGridModel</name>
    <message>
        <source>Recused</source>
        <translation>回避</translation>
    </message>
    <message>
        <source>%1: 0 to %2, weight %3</source>
        <translation>%1：0～%2 分，权重 %3</translation>
    </message>
    <message>
        <source>Differs - type again</source>
        <translation>两次不一致，请重录</translation>
    </message>
    <message>
        <source>Not typed</source>
        <translation>未录入</translation>
    </message>
    <message>
        <source>Awaiting confirmation</source>
        <translation>待复核</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
</TS>
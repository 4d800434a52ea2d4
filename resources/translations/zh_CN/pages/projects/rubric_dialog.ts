<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RubricDialog</name>
    <message>
        <source>Scoring rubric</source>
        <translation>评分标准</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>满分</translation>
    </message>
    <message>
        <source>Leave empty to keep it for this roadshow only</source>
        <translation>留空则只用于本场路演</translation>
    </message>
    <message>
        <source>&amp;Add criterion</source>
        <translation>添加评分项(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove criterion</source>
        <translation>删除评分项(&amp;R)</translation>
    </message>
    <message>
        <source>Save as template named:</source>
        <translation>另存为评分模板，名称：</translation>
    </message>
    <message>
        <source>Row %1: weight and maximum must be numbers.</source>
        <translation>第 %1 行：权重和满分必须是数字。</translation>
    </message>
</context>
</TS>

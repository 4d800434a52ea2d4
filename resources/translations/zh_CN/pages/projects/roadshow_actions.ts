<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RoadshowActions</name>
    <message>
        <source>Name at least one judge, one a line.</source>
        <translation>请至少填写一位评委，每行一位。</translation>
    </message>
    <message>
        <source>New roadshow</source>
        <translation>新建路演</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Funding round</source>
        <translation>资助批次</translation>
    </message>
    <message>
        <source>Rubric template</source>
        <translation>评分模板</translation>
    </message>
    <message>
        <source>Judges (one a line)</source>
        <translation>评委（每行一位）</translation>
    </message>
    <message>
        <source>Add judge</source>
        <translation>添加评委</translation>
    </message>
    <message>
        <source>Affiliation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Conflict of interest</source>
        <translation>评委利益回避</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>评委</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The judge will not score this project; a sheet already typed for it is void.</source>
        <translation>该评委不为这个项目评分；已录入的评分单作废。</translation>
    </message>
    <message>
        <source>Blank scoring sheet</source>
        <translation>空白评分表</translation>
    </message>
    <message>
        <source>Yichao</source>
        <translation>益巢</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Export scores</source>
        <translation>导出评分</translation>
    </message>
    <message>
        <source>Import a filled scoring sheet</source>
        <translation>导入填好的评分表</translation>
    </message>
    <message>
        <source>Nothing imported</source>
        <translation>没有导入</translation>
    </message>
    <message>
        <source>%1 sheets imported.</source>
        <translation>已导入 %1 张评分单。</translation>
    </message>
    <message>
        <source>Roadshow result sheet</source>
        <translation>路演结果公示表</translation>
    </message>
</context>
</TS>

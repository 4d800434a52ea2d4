<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Recount every figure (F5)</source>
        <translation>重新统计全部数字（F5）</translation>
    </message>
    <message>
        <source>By site</source>
        <translation>各站点</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>%1 · this month: %2</source>
        <translation>%1 · 本月：%2</translation>
    </message>
    <message>
        <source>Counted in %1 ms</source>
        <translation>统计用时 %1 毫秒</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the list</source>
        <translation>双击或按回车打开对应列表</translation>
    </message>
    <message>
        <source>Nothing waiting. Well done.</source>
        <translation>没有待办事项。</translation>
    </message>
</context>
</TS>
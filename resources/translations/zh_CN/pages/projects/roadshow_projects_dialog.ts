<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>RoadshowProjectsDialog</name>
    <message>
        <source>Projects pitching at the roadshow</source>
        <translation>参加路演的项目</translation>
    </message>
    <message>
        <source>Screened projects (space ticks or unticks; they pitch in this order):</source>
        <translation>已通过初审的项目（空格键勾选或取消；按此顺序路演）：</translation>
    </message>
    <message>
        <source>No screened project is waiting for a roadshow.</source>
        <translation>没有等待路演的已初审项目。</translation>
    </message>
</context>
</TS>
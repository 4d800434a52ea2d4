<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ScoreDelegate</name>
    <message>
        <source>A score here is a number from 0 to %1.</source>
        <translation>这一项的得分应是 0 到 %1 之间的数。</translation>
    </message>
</context>
</TS>

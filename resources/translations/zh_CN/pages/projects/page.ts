<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ProjectsPage</name>
    <message>
        <source>&amp;Proposals</source>
        <translation>社区提案(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Venture projects</source>
        <translation>创投项目(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Roadshow</source>
        <translation>路演(&amp;R)</translation>
    </message>
</context>
</TS>
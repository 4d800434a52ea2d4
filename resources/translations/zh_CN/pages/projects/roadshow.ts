<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>RoadshowTab</name>
    <message>
        <source>&amp;First typing</source>
        <translation>首次录入(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Confirm (second typing)</source>
        <translation>复核录入(&amp;C)</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Judges</source>
        <translation>计分评委</translation>
    </message>
    <message>
        <source>Ties: %1</source>
        <translation>名次规则：%1</translation>
    </message>
    <message>
        <source>Roadshow:</source>
        <translation>路演：</translation>
    </message>
    <message>
        <source>&amp;New roadshow...</source>
        <translation>新建路演(&amp;N)...</translation>
    </message>
    <message>
        <source>Pro&amp;jects...</source>
        <translation>路演项目(&amp;J)...</translation>
    </message>
    <message>
        <source>Add &amp;judge...</source>
        <translation>添加评委(&amp;J)...</translation>
    </message>
    <message>
        <source>&amp;Recusal...</source>
        <translation>评委回避(&amp;R)...</translation>
    </message>
    <message>
        <source>R&amp;ubric...</source>
        <translation>评分标准(&amp;U)...</translation>
    </message>
    <message>
        <source>&amp;Blank sheet...</source>
        <translation>空白评分表(&amp;B)...</translation>
    </message>
    <message>
        <source>&amp;Import sheet...</source>
        <translation>导入评分表(&amp;I)...</translation>
    </message>
    <message>
        <source>E&amp;xport scores...</source>
        <translation>导出评分(&amp;X)...</translation>
    </message>
    <message>
        <source>Result &amp;sheet PDF...</source>
        <translation>结果公示表(&amp;S)...</translation>
    </message>
    <message>
        <source>&amp;Judge:</source>
        <translation>评委(&amp;J)：</translation>
    </message>
    <message>
        <source>%1 / %2 confirmed</source>
        <translation>已确认 %1 / %2</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Confirmed.</source>
        <translation>已确认。</translation>
    </message>
</context>
</TS>
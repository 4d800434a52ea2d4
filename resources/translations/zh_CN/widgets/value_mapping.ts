<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ValueAnswers</name>
    <message>
        <source>Reading the file...</source>
        <translation>正在读取文件……</translation>
    </message>
</context>
<context>
    <name>ValueMappingDialog</name>
    <message>
        <source>Values not on the program's lists</source>
        <translation>对照文件里的取值</translation>
    </message>
    <message>
        <source>These values of the file are not on the program's lists. Choose once what each means; the choice applies to every row and is remembered for files of this layout.</source>
        <translation>文件里的这些取值不在程序的列表中。请为每个取值选一次对应的程序取值：所选对应适用于所有行，并会记住，下次导入同样格式的文件不再询问。</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Value in the file</source>
        <translation>文件里的值</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Means</source>
        <translation>对应为</translation>
    </message>
    <message>
        <source>(keep as is: these rows are refused)</source>
        <translation>（不对应：这些行不能导入）</translation>
    </message>
</context>
</TS>
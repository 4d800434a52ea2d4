<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Crash</name>
    <message>
        <source>Yichao - unexpected error</source>
        <translation>益巢 - 意外错误</translation>
    </message>
    <message>
        <source>Something went wrong that Yichao did not expect. Your data is safe: the last action was not saved. Please send the log file to support.</source>
        <translation>益巢遇到了意外错误。您的数据是安全的：刚才的操作没有保存。请把日志文件发给技术支持。</translation>
    </message>
</context>
</TS>
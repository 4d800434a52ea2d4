<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Crash</name>
    <message>
        <source>Yichao - unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong that Yichao did not expect. Your data is safe: the last action was not saved. Please send the log file to support.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

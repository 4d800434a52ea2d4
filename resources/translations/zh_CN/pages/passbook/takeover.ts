<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>PassbookTakeover</name>
    <message>
        <source>Take over paper passbooks</source>
        <translation>接管纸质存折</translation>
    </message>
    <message>
        <source>%1 passbooks taken over; printing continues on each at its next free line.</source>
        <translation>已接管 %1 本存折，补登时从每本存折的下一空行接着打印。</translation>
    </message>
</context>
</TS>
<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>PeopleTab</name>
    <message>
        <source>Search: name, pinyin initials (zjg), phone, volunteer number</source>
        <translation>搜索：姓名、拼音首字母（如 zjg）、电话、志愿者编号</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Household heads</source>
        <translation>庭户长</translation>
    </message>
    <message>
        <source>Any skill</source>
        <translation>任意技能</translation>
    </message>
    <message>
        <source>Skill:</source>
        <translation>技能：</translation>
    </message>
    <message>
        <source>&amp;New resident...</source>
        <translation>登记居民(&amp;N)...</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>修改(&amp;E)...</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>&amp;Reveal identity number</source>
        <translation>查看完整身份证号(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import roster...</source>
        <translation>导入花名册(&amp;I)...</translation>
    </message>
    <message>
        <source>E&amp;xport list...</source>
        <translation>导出列表(&amp;X)...</translation>
    </message>
    <message>
        <source>This street has no communities yet. Every resident belongs to one: add the street's communities first.</source>
        <translation>本街道还没有社区。每位居民都归属一个社区，请先添加本街道的社区。</translation>
    </message>
    <message>
        <source>Add &amp;communities...</source>
        <translation>添加社区(&amp;C)...</translation>
    </message>
    <message>
        <source>No resident has skills or offers recorded yet. Record them in a resident's details on the Residents tab (skills, what they offer); they are listed here.</source>
        <translation>还没有居民登记特长或可提供的服务。请在“居民”页签中编辑居民信息，填写特长和可提供的服务，这里就会列出。</translation>
    </message>
    <message>
        <source>Go to residents</source>
        <translation>转到居民</translation>
    </message>
    <message>
        <source>No residents registered yet. Register the first one, or import the street's residents roster (a spreadsheet with name, identity number, phone and community).</source>
        <translation>还没有登记任何居民。请登记第一位居民，或导入街道的居民花名册（含姓名、身份证号码、电话和社区的表格）。</translation>
    </message>
    <message>
        <source>Register resident...</source>
        <translation>登记居民...</translation>
    </message>
    <message>
        <source>Import roster...</source>
        <translation>导入花名册...</translation>
    </message>
    <message>
        <source>No resident matches the search and filters. Clear the filter to see everyone again.</source>
        <translation>没有符合搜索和筛选条件的居民。清除筛选即可看到全部居民。</translation>
    </message>
    <message>
        <source>%1 residents</source>
        <translation>共 %1 位居民</translation>
    </message>
    <message>
        <source>Select a resident to see the details.</source>
        <translation>选择一位居民查看详情。</translation>
    </message>
    <message>
        <source>Identity number: %1</source>
        <translation>身份证号码：%1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>联系电话：%1</translation>
    </message>
    <message>
        <source>Community: %1</source>
        <translation>社区：%1</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>住址：%1</translation>
    </message>
    <message>
        <source>Household head</source>
        <translation>庭户长</translation>
    </message>
    <message>
        <source>Volunteer %1</source>
        <translation>志愿者 %1</translation>
    </message>
    <message>
        <source>Skills: %1</source>
        <translation>技能：%1</translation>
    </message>
    <message>
        <source>Offers: %1</source>
        <translation>可提供服务：%1</translation>
    </message>
    <message>
        <source>Needs asked</source>
        <translation>提出的需求</translation>
    </message>
    <message>
        <source>Needs claimed</source>
        <translation>揭榜的需求</translation>
    </message>
    <message>
        <source>Delete resident</source>
        <translation>删除居民</translation>
    </message>
    <message>
        <source>Delete resident %1? The record is kept in the journal.</source>
        <translation>删除居民 %1？记录仍保留在操作日志中。</translation>
    </message>
    <message>
        <source>Identity number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>%1: %2

This look-up has been recorded in the journal.</source>
        <translation>%1：%2

本次查看已记入操作日志。</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>（未登记）</translation>
    </message>
    <message>
        <source>Import residents roster</source>
        <translation>导入居民花名册</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Importing residents...</source>
        <translation>正在导入居民...</translation>
    </message>
    <message>
        <source>Checking the roster...</source>
        <translation>正在检查花名册...</translation>
    </message>
    <message>
        <source>Export residents</source>
        <translation>导出居民名册</translation>
    </message>
    <message>
        <source>residents.xlsx</source>
        <translation>居民名册.xlsx</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>%1 residents written to %2.</source>
        <translation>已将 %1 位居民导出到 %2。</translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation>正在导出...</translation>
    </message>
</context>
</TS>
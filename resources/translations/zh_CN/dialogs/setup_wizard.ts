<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminPage</name>
    <message>
        <source>First administrator</source>
        <translation>第一个管理员</translation>
    </message>
    <message>
        <source>This account manages users and settings. Keep the password safe.</source>
        <translation>这个账号负责管理用户和设置，请妥善保管密码。</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>再次输入密码(&amp;R)：</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>CommunitiesPage</name>
    <message>
        <source>Your communities</source>
        <translation>本街道的社区</translation>
    </message>
    <message>
        <source>One community a line, optionally followed by its 12-digit statistical code. You can paste the two columns from Excel, or add them later under System → Communities.</source>
        <translation>每行一个社区，后面可以跟12位统计用区划代码；可以直接从 Excel 粘贴这两列，也可以以后在“系统管理 → 社区”里添加。</translation>
    </message>
    <message>
        <source>甸柳第一社区  370102001001
燕山社区
千佛山社区</source>
        <translation>甸柳第一社区  370102001001
燕山社区
千佛山社区</translation>
    </message>
    <message>
        <source>&amp;Communities:</source>
        <translation>社区(&amp;C)：</translation>
    </message>
    <message>
        <source>%1 communities will be added.</source>
        <translation>将添加 %1 个社区。</translation>
    </message>
    <message>
        <source>No communities yet: you can add them later.</source>
        <translation>还没有填写社区，也可以以后再添加。</translation>
    </message>
</context>
<context>
    <name>JoinPage</name>
    <message>
        <source>Join an existing district database</source>
        <translation>加入已有的区级数据库</translation>
    </message>
    <message>
        <source>Another PC of the district already set up the shared database. An administrator of the district signs in to authorize this PC.</source>
        <translation>区里的另一台电脑已经建好共用的数据库。请区里的管理员在这里登录，授权这台电脑使用它。</translation>
    </message>
    <message>
        <source>&amp;Database address:</source>
        <translation>数据库地址(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Administrator:</source>
        <translation>管理员(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Yichao - First-run setup</source>
        <translation>益巢 - 首次设置</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SitePage</name>
    <message>
        <source>Your site</source>
        <translation>本单位</translation>
    </message>
    <message>
        <source>Which office runs this copy of Yichao?</source>
        <translation>哪个单位使用这套益巢？</translation>
    </message>
    <message>
        <source>Street office</source>
        <translation>街道办事处</translation>
    </message>
    <message>
        <source>District office</source>
        <translation>区（民政局）</translation>
    </message>
    <message>
        <source>Community savings office</source>
        <translation>社区储蓄所</translation>
    </message>
    <message>
        <source>Join an existing district database</source>
        <translation>加入已有的区级数据库</translation>
    </message>
    <message>
        <source>12 digits: the community's statistical code</source>
        <translation>12位数字：社区的统计用区划代码</translation>
    </message>
    <message>
        <source>Parent street code:</source>
        <translation>上级街道代码：</translation>
    </message>
    <message>
        <source>Parent street name:</source>
        <translation>上级街道名称：</translation>
    </message>
    <message>
        <source>9 digits for a street, 6 for a district</source>
        <translation>街道为9位数字，区为6位数字</translation>
    </message>
    <message>
        <source>e.g. Dianliu Street</source>
        <translation>例如：甸柳街道</translation>
    </message>
    <message>
        <source>Site &amp;type:</source>
        <translation>站点类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Administrative &amp;code:</source>
        <translation>行政区划代码(&amp;C)：</translation>
    </message>
    <message>
        <source>Site &amp;name:</source>
        <translation>站点名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Parent district code:</source>
        <translation>上级区代码：</translation>
    </message>
    <message>
        <source>Parent district name:</source>
        <translation>上级区名称：</translation>
    </message>
</context>
</TS>
<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivitiesTab</name>
    <message>
        <source>New &amp;activity...</source>
        <translation>登记活动(&amp;A)...</translation>
    </message>
    <message>
        <source>Add &amp;photo...</source>
        <translation>添加照片(&amp;P)...</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>%1 activities</source>
        <translation>共 %1 次活动</translation>
    </message>
    <message>
        <source>Photo of the activity</source>
        <translation>活动照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>图片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Delete the activity “%1” of %2?</source>
        <translation>删除 %2 的活动“%1”？</translation>
    </message>
    <message>
        <source>It leaves the organization's record, its photos and the reports; the journal keeps it.</source>
        <translation>活动将从组织档案、照片和报表中去掉；操作日志仍保留这条记录。</translation>
    </message>
    <message>
        <source>Delete activity</source>
        <translation>删除活动</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>&amp;Add file...</source>
        <translation>添加文件(&amp;A)...</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Up to %1 MB per file.</source>
        <translation>每个文件不超过 %1 MB。</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Remove the file “%1” from this organization?</source>
        <translation>从这个组织的档案中移除文件“%1”？</translation>
    </message>
    <message>
        <source>It no longer shows here or travels in bundles; the journal records the removal.</source>
        <translation>文件不再在这里显示，也不再随数据包上报；操作日志会记下这次移除。</translation>
    </message>
    <message>
        <source>Remove file</source>
        <translation>移除文件</translation>
    </message>
</context>
<context>
    <name>MentoringTab</name>
    <message>
        <source>New &amp;visit...</source>
        <translation>登记督导(&amp;V)...</translation>
    </message>
    <message>
        <source>Follow-up &amp;done</source>
        <translation>已跟进(&amp;D)</translation>
    </message>
    <message>
        <source>%1 overdue follow-ups</source>
        <translation>%1 条逾期未跟进</translation>
    </message>
</context>
<context>
    <name>OrgTabs</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与人数</translation>
    </message>
    <message>
        <source>Beneficiaries</source>
        <translation>受益人数</translation>
    </message>
    <message>
        <source>Volunteer hours</source>
        <translation>志愿服务时长</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>组织类型</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>老师</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已跟进</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>批准日期</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>拨付日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>SubsidiesTab</name>
    <message>
        <source>New &amp;subsidy...</source>
        <translation>登记补贴(&amp;S)...</translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation>批准(&amp;P)</translation>
    </message>
    <message>
        <source>Mark &amp;paid</source>
        <translation>已拨付(&amp;M)</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>取消(&amp;N)</translation>
    </message>
    <message>
        <source>E&amp;xport...</source>
        <translation>导出(&amp;X)...</translation>
    </message>
    <message>
        <source>%1: granted %2, paid %3 yuan</source>
        <translation>%1年：批准 %2 元，已拨付 %3 元</translation>
    </message>
    <message>
        <source>Export subsidies</source>
        <translation>导出补贴</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;PDF files (*.pdf)</source>
        <translation>Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>%1 subsidies written to %2.</source>
        <translation>已将 %1 笔补贴写入 %2。</translation>
    </message>
    <message>
        <source>the %1 subsidy of %2 yuan for %3</source>
        <translation>%3 年度%1 %2 元</translation>
    </message>
    <message>
        <source>Approve subsidy</source>
        <translation>批准补贴</translation>
    </message>
    <message>
        <source>Approve %1? It then counts as granted in the yearly totals; it can still be cancelled until it is paid.</source>
        <translation>批准%1？批准后计入年度已批准金额；拨付之前仍可取消。</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>批准日期</translation>
    </message>
    <message>
        <source>It was approved on %1; the payment date cannot be earlier.</source>
        <translation>批准日期为 %1，拨付日期不能早于这一天。</translation>
    </message>
    <message>
        <source>Mark subsidy paid</source>
        <translation>登记拨付</translation>
    </message>
    <message>
        <source>Record that %1 was paid? A paid subsidy cannot be changed or cancelled afterwards.</source>
        <translation>登记%1已经拨付？已拨付的补贴以后不能再修改或取消。</translation>
    </message>
    <message>
        <source>Mark paid</source>
        <translation>登记拨付</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>拨付日期</translation>
    </message>
    <message>
        <source>Cancel subsidy</source>
        <translation>取消补贴</translation>
    </message>
    <message>
        <source>Cancel %1? A cancelled subsidy cannot be approved or paid again.</source>
        <translation>取消%1？取消后不能再批准或拨付。</translation>
    </message>
</context>
</TS>
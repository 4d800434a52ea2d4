<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ProjectActions</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Call opens</source>
        <translation>征集开始</translation>
    </message>
    <message>
        <source>Call closes</source>
        <translation>征集截止</translation>
    </message>
    <message>
        <source>Roadshow</source>
        <translation>路演</translation>
    </message>
    <message>
        <source>Publicity from</source>
        <translation>公示开始</translation>
    </message>
    <message>
        <source>Publicity until</source>
        <translation>公示结束</translation>
    </message>
    <message>
        <source>Tranches (%)</source>
        <translation>拨付比例（%）</translation>
    </message>
    <message>
        <source>New funding round</source>
        <translation>新建资助批次</translation>
    </message>
    <message>
        <source>Edit funding round</source>
        <translation>修改资助批次</translation>
    </message>
    <message>
        <source>Project application</source>
        <translation>项目申报</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申报组织</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>资助批次</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Service domain</source>
        <translation>服务领域</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申请金额</translation>
    </message>
    <message>
        <source>Planned beneficiaries</source>
        <translation>计划受益人数</translation>
    </message>
    <message>
        <source>Applied on</source>
        <translation>申报日期</translation>
    </message>
    <message>
        <source>Choose the applying organization.</source>
        <translation>请选择申报的社会组织。</translation>
    </message>
    <message>
        <source>Yichao</source>
        <translation>益巢</translation>
    </message>
    <message>
        <source>This project has finished its course.</source>
        <translation>这个项目的流程已经结束。</translation>
    </message>
    <message>
        <source>Next step of %1</source>
        <translation>%1：下一步</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Approved amount</source>
        <translation>立项金额</translation>
    </message>
    <message>
        <source>Note / reason</source>
        <translation>说明 / 原因</translation>
    </message>
    <message>
        <source>Give the reason.</source>
        <translation>请写明原因。</translation>
    </message>
    <message>
        <source>Tranche plan</source>
        <translation>拨付计划</translation>
    </message>
    <message>
        <source>The first is paid on approval, the last after the final evaluation, the one before it after the midterm evaluation.</source>
        <translation>第一笔在立项后拨付，最后一笔在结项评估后拨付，倒数第二笔在中期评估后拨付。</translation>
    </message>
    <message>
        <source>No tranche is waiting to be paid.</source>
        <translation>没有待拨付的款项。</translation>
    </message>
    <message>
        <source>Disburse tranche %1</source>
        <translation>拨付第 %1 笔</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>拨付日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>%1 yuan (%2%), condition: %3</source>
        <translation>%1 元（%2%），拨付条件：%3</translation>
    </message>
    <message>
        <source>Complete: %1</source>
        <translation>完成：%1</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>项目节点</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Add a new milestone</source>
        <translation>添加新节点</translation>
    </message>
    <message>
        <source>New milestone</source>
        <translation>新节点名称</translation>
    </message>
    <message>
        <source>Due / done on</source>
        <translation>计划 / 完成日期</translation>
    </message>
    <message>
        <source>Name the new milestone.</source>
        <translation>请填写新节点的名称。</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Score (0-100)</source>
        <translation>得分（0～100）</translation>
    </message>
    <message>
        <source>Evaluator</source>
        <translation>评估方</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>评语</translation>
    </message>
    <message>
        <source>Service activity</source>
        <translation>服务活动</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与人员</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>执行情况</translation>
    </message>
    <message>
        <source>Actually spent</source>
        <translation>实际支出</translation>
    </message>
    <message>
        <source>Actual beneficiaries</source>
        <translation>实际受益人数</translation>
    </message>
    <message>
        <source>Close-out report</source>
        <translation>结项报告</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Projects (*.xlsx);;Funding rounds (*.xlsx)</source>
        <translation>项目 (*.xlsx);;资助批次 (*.xlsx)</translation>
    </message>
    <message>
        <source>Funding rounds</source>
        <translation>资助批次</translation>
    </message>
    <message>
        <source>%1 rows exported.</source>
        <translation>已导出 %1 行。</translation>
    </message>
</context>
</TS>

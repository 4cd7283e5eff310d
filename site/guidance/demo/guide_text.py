# ruff: noqa: E501 - long Chinese sentences read better unbroken
"""What the demo guides share: the laws they cite, the "where to go" cards, the legal aid
and wage-arrears advice, and the builders of block values. The guides themselves are in
guide_content.py and guide_content_arbitration.py. No address or phone number is written
here: the center's come from the site settings (home/center_contact.py)."""

LAW = "《中华人民共和国劳动争议调解仲裁法》"
UNION_LAW = "《中华人民共和国工会法》"
COURT_RULES = "《最高人民法院关于人民法院特邀调解的规定》"
SEED = "随人社函〔2023〕57号"
COMMITTEE_RULES = "《企业劳动争议协商调解规定》（人力资源和社会保障部令第17号）"

# Where to go: (name, note) cards whose address, hotline and hours come from the site
# settings when the page renders (guidance.blocks.CenterContactBlock), never from here.
CENTER_WINDOW = ("中心受理窗口", "可现场申请，也可口头申请，由工作人员当场记录。")
LITIGATION_STATION = (
    "曾都区人民法院驻中心诉讼服务站",
    "设在中心内，受理当事人对仲裁裁决不服的诉讼立案。",
)

LEGAL_AID = (
    "法律援助和法律咨询",
    "<p>拨打<b>12348</b>公共法律服务热线，可以免费咨询法律问题。因经济困难没有委托代理人的，"
    "请求确认劳动关系或者支付劳动报酬、请求社会保险待遇、请求工伤人身损害赔偿的，"
    "可以向当地司法局的法律援助机构申请法律援助（法律援助法第三十一条）；"
    "农民工、劳动者请求支付劳动报酬或者工伤赔偿的，免予核查经济困难状况（第四十二条）。</p>",
)
WAGE_ARREARS = (
    "被拖欠工资，还可以这样办",
    "<ul><li>拨打<b>12333</b>人力资源社会保障服务热线咨询或者反映欠薪问题。</li>"
    "<li>向用人单位所在地人社局的<b>劳动保障监察</b>机构投诉、举报：劳动者认为用人单位侵犯其"
    "劳动保障合法权益的，有权投诉（劳动保障监察条例第九条），监察机构可以责令用人单位限期支付。</li>"
    "<li>同一事项已经申请调解、仲裁或者起诉的，一般按劳动争议处理程序办理。</li></ul>",
)


def steps(*items):
    return {"heading": "办理流程", "steps": [{"title": t, "detail": d} for t, d in items]}


def materials(*items):
    return {
        "heading": "所需材料",
        "materials": [{"name": n, "note": note, "required": req} for n, note, req in items],
    }


def limits(*items):
    return {
        "heading": "办理时限",
        "limits": [{"stage": s, "limit": limit, "basis": b} for s, limit, b in items],
    }


def citations(*items):
    return {
        "heading": "法律依据",
        "citations": [{"source": s, "article": a, "excerpt": e, "page": None} for s, a, e in items],
    }


def section(pair):
    heading, text = pair
    return ("section", {"heading": heading, "text": text})


def downloads(*items):
    """Keys of form_templates.FORM_TEMPLATES with a note; the loader puts the documents in."""
    return (
        "downloads",
        {"heading": "文书模板下载", "documents": [{"document": k, "note": n} for k, n in items]},
    )


def questions(*items):
    return {
        "heading": "常见问题",
        "questions": [{"question": q, "answer": f"<p>{a}</p>"} for q, a in items],
    }

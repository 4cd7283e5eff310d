"""Demo synonyms: the everyday words citizens type for the terms the pages use."""

from ..models import Synonym

SYNONYMS = [
    ("讨薪", "欠薪 拖欠工资 工资拖欠 拖欠劳动报酬"),
    ("热线", "电话 联系方式 服务热线"),
    ("开除", "辞退 解除劳动合同"),
    ("赔偿", "补偿 经济补偿 赔偿金"),
    ("工伤", "工伤认定 职业伤害"),
    ("加班费", "加班工资"),
    ("社保", "社会保险"),
    ("老板", "用人单位 单位 公司 企业"),
    ("打官司", "起诉 诉讼"),
    ("劳动仲裁", "仲裁"),
]


def load(stdout):
    existing = set(Synonym.objects.values_list("term", flat=True))
    changes = []
    for term, equivalents in SYNONYMS:
        if term not in existing:
            Synonym.objects.create(term=term, equivalents=equivalents)
            changes.append(f"search synonym {term}")
    return changes

"""Reward money: coefficient of the implementing decree x the base salary in force (both dated data)."""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path


from generators.core.clock import in_period
from generators.core.errors import ConfigError
from generators.core.yamlfile import read_yaml


@dataclass(frozen=True)
class Reward:
    award: str
    coefficient: float
    base_salary: int
    amount: int
    confirmed: bool  # False: the rate is in the data but not confirmed against the decree
    source: str
    table: str = ""  # the coefficients' table in money.yaml (ND98, ND152): what a confirmation names


@dataclass
class MoneyTable:
    salaries: list[dict]
    coefficients: dict[str, dict]

    def base_salary_on(self, day: dt.date) -> dict:
        for s in self.salaries:
            if in_period(day, s.get("valid_from"), s.get("valid_to")):
                return s
        raise ConfigError(f"money.yaml: không có mức lương cơ sở áp dụng ngày {day:%d/%m/%Y}.")

    def reward(self, award: str, decree: str, day: dt.date) -> Reward | None:
        table = self.coefficients.get(decree)
        if not table or award not in table["values"]:
            return None
        coefficient = float(table["values"][award])
        base = int(self.base_salary_on(day)["amount"])
        amount = math.ceil(coefficient * base / 1000) * 1000  # whole thousands of đồng
        return Reward(award, coefficient, base, amount, bool(table.get("confirmed")), table.get("source", ""),
                      decree)


def load_money(path: Path) -> MoneyTable:
    raw = read_yaml(path).data
    return MoneyTable(raw["base_salary"], raw["coefficients"])

"""Read a YAML file strictly and keep its node tree, so a mistake can be named by its line."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from generators.core.errors import ConfigError
from generators.core.text import nfc


class StrictLoader(yaml.SafeLoader):
    """Safe YAML with no aliases (an alias bomb expands without bound) and no duplicate keys (the last would win)."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.MarkedYAMLError(None, None, "không dùng bí danh YAML (*tên): hãy ghi giá trị đầy đủ",
                                       self.peek_event().start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.MarkedYAMLError(None, None, f"khóa «{key}» lặp lại (đã có ở dòng {seen[key]})",
                                           key_node.start_mark)
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


def _timestamp(loader, node):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        raise yaml.MarkedYAMLError(None, None, f"ngày «{node.value}» không tồn tại", node.start_mark) from None


StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def _norm(value):
    """NFC every string of a loaded YAML tree."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_norm(v) for v in value]
    if isinstance(value, dict):
        return {_norm(k): _norm(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class YamlDocument:
    path: Path
    data: object
    node: yaml.Node | None

    def line_of(self, location) -> int | None:
        """The 1-based line of the value at `location` (keys and indexes from the root), or of its nearest parent."""
        node, line = self.node, None
        for step in location:
            if node is None:
                break
            line = node.start_mark.line + 1
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if nfc(str(k.value)) == step), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                node = node.value[step]
            else:
                node = None
        return node.start_mark.line + 1 if node is not None else line


def read_yaml(path: Path) -> YamlDocument:
    """The file's data (strings in NFC) and its nodes; every reading mistake is a ConfigError naming line and column."""
    try:
        with open(path, encoding="utf-8") as fh:
            loader = StrictLoader(fh)
            try:
                node = loader.get_single_node()
                data = _norm(loader.construct_document(node)) if node is not None else None
            finally:
                loader.dispose()
    except FileNotFoundError:
        raise ConfigError(f"Không tìm thấy tệp cấu hình {path}") from None
    except IsADirectoryError:
        raise ConfigError(f"{path} là một thư mục, không phải tệp cấu hình.") from None
    except UnicodeDecodeError:
        raise ConfigError(f"Tệp cấu hình {path} không phải văn bản UTF-8.") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f" (dòng {mark.line + 1}, cột {mark.column + 1})" if mark else ""
        raise ConfigError(f"Tệp cấu hình {path}{where}: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"Tệp cấu hình {path} sai cú pháp YAML: {exc}") from None
    except ValueError as exc:
        raise ConfigError(f"Tệp cấu hình {path}: giá trị không hợp lệ ({exc}).") from None
    return YamlDocument(Path(path), data, node)

"""The base of every data model: a plain frozen dataclass, which pydantic checks only when asked.

A form is validated when it is checked or first cached (``screener.content.loading``); after that the program
runs on these classes as loaded from the cache, so nothing on the way to the wizard's first page, to
``evaluate``'s output or to a PDF imports pydantic or builds a validator.

Constraints stay beside each field, in its annotation: ``label: Annotated[str, Field(min_length=1)]``. With
``from __future__ import annotations`` (every model module has it) an annotation is only text until pydantic
reads it, and the type aliases that carry constraints are ``type`` statements, evaluated when first used. So
``Field``, ``Tag`` and ``Discriminator`` below are called only while a form is being validated, and import
pydantic then. A check across fields is the class's ``__post_init__``: pydantic runs it after validating,
and a pickle loaded from the cache does not need it.

Each subclass is made a dataclass (its fields, ``dataclasses.fields`` and ``replace``, and what pydantic
reads), but its methods are the shared ones below rather than ones the dataclass module writes and compiles
for each class: that compiling cost about 1 ms a class, some 70 ms on every start.
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar, dataclass_transform

_MISSING = dataclasses.MISSING
ID_PATTERN = r"^[a-z][a-z0-9_]*$"  # every id: a name, never a path

# A key a form file does not declare is an error, never silently ignored; aliases ('not', 'from') are read.
PYDANTIC_CONFIG = {"extra": "forbid", "populate_by_name": True}


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
class Frozen:
    """An immutable record, made with its fields in order or by name, compared by value."""

    _layout: ClassVar[tuple[tuple[str, Any, Any], ...]] = ()  # each field's name, default and default factory

    def __init_subclass__(cls, **options: Any) -> None:
        super().__init_subclass__(**options)
        if cls.__doc__ is None:
            cls.__doc__ = cls.__name__  # else the dataclass module works out a signature to put there
        dataclasses.dataclass(init=False, repr=False, eq=False, match_args=False)(cls)
        cls.__pydantic_config__ = PYDANTIC_CONFIG  # type: ignore[attr-defined]
        cls._layout = tuple((item.name, item.default, item.default_factory) for item in dataclasses.fields(cls))

    def __init__(self, *given: Any, **values: Any) -> None:
        layout = self._layout
        state = self.__dict__  # set directly: assignment is refused on a frozen record
        if given:
            if len(given) > len(layout):
                raise TypeError(f"{type(self).__name__} takes {len(layout)} fields, not {len(given)}")
            for (name, _, _), value in zip(layout, given, strict=False):
                if name in values:
                    raise TypeError(f"{type(self).__name__} got '{name}' twice")
                state[name] = value
            layout = layout[len(given) :]
        for name, default, factory in layout:
            if name in values:
                state[name] = values.pop(name)
            elif default is not _MISSING:
                state[name] = default
            elif factory is not _MISSING:
                state[name] = factory()
            else:
                raise TypeError(f"{type(self).__name__} needs '{name}'")
        if values:
            raise TypeError(f"{type(self).__name__} has no {', '.join(map(repr, values))}")
        self.__post_init__()

    def __post_init__(self) -> None:
        """Checks across fields, raising ValueError; run after pydantic validates and on construction."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and vars(self) == vars(other)

    def __hash__(self) -> int:
        return hash((type(self), *vars(self).values()))

    def __setattr__(self, name: str, value: Any) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field '{name}'")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field '{name}'")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{name}={value!r}' for name, value in vars(self).items())})"


def Field(**constraints: Any) -> Any:  # named as pydantic's Field, which it returns
    """pydantic's ``Field``, made when pydantic reads an annotation (a form is validated), never at run time."""
    import pydantic

    return pydantic.Field(**constraints)


def Tag(name: str) -> Any:
    import pydantic

    return pydantic.Tag(name)


def Discriminator(pick: Any) -> Any:
    import pydantic

    return pydantic.Discriminator(pick)

"""CPython's wording for errors GraalPy words differently (docs/architecture.md, GraalPy differences).

GraalPy puts its own internals into some messages ('tuple(IntSequenceStorage[1, 2])' object does
not support item assignment) or words them otherwise. cpython_message(error) gives the message
CPython 3.13 prints for the same error, or None to keep GraalPy's. It is used when an error is
reported; the exception object is left alone, so str(error) inside a learner's own except block is
still GraalPy's. A rewrite that needs the object involved takes it from the failing instruction's
source position (the same position the traceback's carets mark), and only when that object is a
name or a literal, so that finding it runs no learner code.
"""

import ast
import builtins
import itertools
import linecache
import re

_ITEM_ERROR = re.compile(r"'.*' object does not support item (assignment|deletion)", re.S)
_MISSING_ATTRIBUTE = "'%s' object has no attribute '%s'"
_FIXED_WORDING = [
    (TypeError, re.compile(r"bad operand type for unary(\S+): (.*)", re.S), r"bad operand type for unary \1: \2"),
    (IndexError, re.compile(r"IndexError: (string index out of range)"), r"\1"),
    (TypeError, re.compile(r"r?split\(\) argument must be str, not (\S+)"), r"must be str or None, not \1"),
    (TypeError, re.compile(r"([lr]?strip)\(\) argument 1 must be str, not \S+"), r"\1 arg must be None or str"),
    (
        AttributeError,
        re.compile(r"attribute (\w+) of (\S+) object is not writable"),
        r"attribute '\1' of '\2' objects is not writable",
    ),
    (
        TypeError,
        re.compile(r"isinstance\(\) arg 2 must be a type or tuple of types( \(was: .*\))?", re.S),
        "isinstance() arg 2 must be a type, a tuple of types, or a union",
    ),
    (
        TypeError,
        re.compile(r"issubclass\(\) arg 2 must be a class or tuple of classes( \(was: .*\))?", re.S),
        "issubclass() arg 2 must be a class, a tuple of classes, or a union",
    ),
]
_HEAP_TYPE = 1 << 9
_UNKNOWN = object()


def cpython_message(error):
    """CPython's message for error, or None when GraalPy's already matches or is not known."""
    try:
        message = str(error)
    except BaseException:
        return None
    for kind, pattern, replacement in _FIXED_WORDING:
        if type(error) is kind and pattern.fullmatch(message):
            return pattern.sub(replacement, message)
    try:
        if type(error) is AttributeError:
            return _attribute_message(error, message)
        if type(error) is TypeError and _ITEM_ERROR.fullmatch(message):
            return _item_message(error, _ITEM_ERROR.fullmatch(message).group(1))
        if type(error) is ZeroDivisionError and message in _ZERO_DIVISION:
            return _zero_division_message(error)
        if type(error) in (IndexError, ValueError) and message in _LIST_METHOD:
            return _list_method_message(error, message)
    except Exception:
        return None
    return None


def _attribute_message(error, message):
    owner, name = getattr(error, "obj", None), getattr(error, "name", None)
    if isinstance(owner, type) and isinstance(name, str) and message == _MISSING_ATTRIBUTE % (owner.__name__, name):
        return "type object '%s' has no attribute '%s'" % (owner.__name__, name)
    node, frame = _failing_node(error)
    if not isinstance(node, ast.Attribute) or isinstance(node.ctx, ast.Load):
        return None
    owner, name = _value(node.value, frame), node.attr
    kind = type(owner)
    if owner is _UNKNOWN or _has(kind, "__setattr__") is not object.__setattr__ or _own_dict(owner) is not None:
        return None
    if message not in (_MISSING_ATTRIBUTE % (kind.__name__, name), "attribute %s is read-only" % name):
        return None
    # CPython's generic setattr, for an object without __dict__: a data descriptor would have
    # been called, any other attribute of the type is read-only, and a new name has nowhere to go.
    found = _has(kind, name)
    if found is None:
        return (_MISSING_ATTRIBUTE + " and no __dict__ for setting new attributes") % (_tp_name(kind), name)
    if _has(type(found), "__set__") is not None:
        return None
    return "'%s' object attribute '%s' is read-only" % (_tp_name(kind), name)


def _item_message(error, operation):
    node, frame = _failing_node(error)
    if not isinstance(node, ast.Subscript):
        return None
    owner = _value(node.value, frame)
    method = "__setitem__" if operation == "assignment" else "__delitem__"
    if owner is _UNKNOWN or _has(type(owner), method) is not None:
        return None
    words = "does not"
    key = _value(node.slice, frame)
    if operation == "deletion" and _has_sequence_slots(type(owner)) and _has(type(key), "__index__") is not None:
        # CPython's PySequence_DelItem, reached for a sequence type and an integer key, says "doesn't".
        words = "doesn't"
    return "'%s' object %s support item %s" % (_tp_name(type(owner)), words, operation)


_ZERO_DIVISION = ("division by zero", "integer division or modulo by zero")
_FLOAT_BY_ZERO = {ast.Div: "float division", ast.FloorDiv: "float floor division", ast.Mod: "float modulo"}


def _zero_division_message(error):
    node, frame = _failing_node(error)
    if isinstance(node, ast.BinOp):
        operator, left, right = node.op, _value(node.left, frame), _value(node.right, frame)
    elif isinstance(node, ast.AugAssign):
        operator, left, right = node.op, _value(node.target, frame), _value(node.value, frame)
    else:
        return None
    kinds = {type(left), type(right)}
    if not kinds <= {int, float, bool}:
        return None
    if float in kinds:
        return "%s by zero" % _FLOAT_BY_ZERO[type(operator)] if type(operator) in _FLOAT_BY_ZERO else None
    return "integer modulo by zero" if type(operator) is ast.Mod else None


_LIST_METHOD = {
    "index out of range": "pop",
    "list.index(x): x not in list": "remove",
}


def _list_method_message(error, message):
    node, frame = _failing_node(error)
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return None
    owner = _value(node.func.value, frame)
    if type(owner) is not list or node.func.attr != _LIST_METHOD[message]:
        return None
    if node.func.attr == "remove":
        return "list.remove(x): x not in list"
    return "pop index out of range" if owner else "pop from empty list"


def _failing_node(error):
    """The innermost frame's failing expression or statement, as an AST node of its source, found
    by the source position of the instruction that raised; (None, None) when there is none."""
    tb = error.__traceback__
    if tb is None:
        return None, None
    while tb.tb_next is not None:
        tb = tb.tb_next
    code = tb.tb_frame.f_code
    if tb.tb_lasti < 0:
        return None, None
    position = next(itertools.islice(code.co_positions(), tb.tb_lasti // 2, None), None)
    if position is None or None in position:
        return None, None
    try:
        tree = ast.parse("".join(linecache.getlines(code.co_filename)))
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None, None
    found = None
    for node in ast.walk(tree):  # breadth first: the last node with the span is the innermost
        if getattr(node, "end_col_offset", None) is not None and (
            (node.lineno, node.end_lineno, node.col_offset, node.end_col_offset) == position
        ):
            found = node
    return (found, tb.tb_frame) if found is not None else (None, None)


def _value(node, frame):
    """The value of a name, an attribute kept in an object's own __dict__, or a literal; _UNKNOWN
    for anything whose evaluation could run code."""
    if isinstance(node, ast.Name):
        for scope in (frame.f_locals, frame.f_globals, vars(builtins)):
            if node.id in scope:
                return scope[node.id]
        return _UNKNOWN
    if isinstance(node, ast.Attribute):
        owner = _value(node.value, frame)
        own = _own_dict(owner)
        if own is None or node.attr not in own or _has(type(_has(type(owner), node.attr)), "__set__") is not None:
            return _UNKNOWN
        return own[node.attr]
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return _UNKNOWN


def _has(kind, name):
    """What kind or a base defines as name, looked up as CPython looks up special methods (no
    __getattr__ runs); None when none does."""
    for base in kind.__mro__:
        if name in vars(base):
            return vars(base)[name]
    return None


def _own_dict(obj):
    """obj's instance __dict__, read without running a class's __getattribute__ or __getattr__."""
    try:
        own = object.__getattribute__(obj, "__dict__")
    except (AttributeError, TypeError):
        return None
    return own if isinstance(own, dict) else None


def _has_sequence_slots(kind):
    # Classes written in Python always have CPython's sequence slots; built-in types have them when
    # they are sized, indexed or searched.
    return bool(kind.__flags__ & _HEAP_TYPE) or any(
        _has(kind, name) is not None for name in ("__len__", "__getitem__", "__contains__")
    )


def _tp_name(kind):
    """CPython's tp_name: the bare name for classes written in Python, module.name for built-in
    types outside builtins."""
    if kind.__flags__ & _HEAP_TYPE or kind.__module__ in ("builtins", None):
        return kind.__name__
    return "%s.%s" % (kind.__module__, kind.__qualname__)

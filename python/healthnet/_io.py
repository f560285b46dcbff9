# SPDX-License-Identifier: MIT
"""Reading and writing networks: healthnet JSON, CSV pairs, GraphML."""

from __future__ import annotations

import dataclasses
import operator
import os
from collections.abc import Mapping, Sequence

from . import _core, _reading
from ._metrics import _check_seed
from ._core import Network

PathLike = str | os.PathLike[str]



def _fspath(path: str | os.PathLike[str]) -> str:
    """``os.fspath(path)``, refusing a NUL character (C++ would cut the path there)."""
    text = os.fspath(path)
    if "\0" in text:
        raise ValueError(f"path contains a NUL character: {text!r}")
    return text


def read_json(path: PathLike, *, allow_self_loops: bool = False) -> Network:
    """Read a network from a healthnet JSON file.

    Parameters
    ----------
    path : str or os.PathLike
        The file (see ``docs/format.md`` for the format).
    allow_self_loops : bool, default False
        Accept ties from an actor to itself.

    Returns
    -------
    Network

    Raises
    ------
    ValueError
        For malformed or invalid content; the message names the file, the
        line and the field, e.g. ``region.json:12: ties[3].weight: weight is
        negative: -1``.
    OSError
        When the file cannot be read.
    """
    return _core.read_json(_fspath(path), allow_self_loops)


def from_json(text: str, *, origin: str = "<json>", allow_self_loops: bool = False) -> Network:
    """Parse a network from healthnet JSON text.

    Parameters
    ----------
    text : str
        The JSON document.
    origin : str, default "<json>"
        Name used for the text in error messages.
    allow_self_loops : bool, default False

    Returns
    -------
    Network
    """
    return _core.parse_json(text, origin, allow_self_loops)


def to_json(net: Network, *, indent: int = 2) -> str:
    """Serialise a network to healthnet JSON text (exact round trip).

    Parameters
    ----------
    net : Network
    indent : int, default 2
        Spaces per level; a negative value gives one line.

    Returns
    -------
    str
    """
    return _core.to_json(net, indent)


def write_json(net: Network, path: PathLike) -> None:
    """Write a network to a healthnet JSON file, atomically.

    The file is written to a temporary file in the same directory (mode
    0600 until complete) and then renamed, so an interrupted write never
    leaves a truncated file; a replaced file keeps its mode. A symbolic link
    stays and its target is written; a device or FIFO (``/dev/stdout``) is
    written through; a directory is refused with OSError.

    Parameters
    ----------
    net : Network
    path : str or os.PathLike
    """
    _core.write_json(net, _fspath(path))


def _csv_arguments(actors, ties, directed, columns, sep, decimal, encoding, rules, allow_self_loops) -> tuple:
    seps = {None: "", ",": ",", ";": ";", "\t": "\t", "tab": "\t"}
    if sep not in seps:
        raise ValueError(f"sep: expected ',', ';', '\\t' or None (detect), got {sep!r}")
    if decimal not in (None, ",", "."):
        raise ValueError(f"decimal: expected ',', '.' or None (',' when sep is ';'), got {decimal!r}")
    if not isinstance(encoding, str):
        raise ValueError(f"encoding: expected a name such as 'utf-8' or 'cp1252', got {encoding!r}")
    return (
        _fspath(actors),
        _fspath(ties),
        bool(directed),
        {k: (v or None) for k, v in columns.items()},
        seps[sep],
        decimal or "",
        encoding,
        rules,
        bool(allow_self_loops),
    )


def read_csv(
    actors: PathLike,
    ties: PathLike,
    *,
    directed: bool = True,
    id: str = "id",
    name: str | None = "name",
    type: str | None = "type",
    sector: str | None = "sector",
    sectors: str | None = "sectors",
    respondent: str | None = "respondent",
    source: str = "source",
    target: str = "target",
    weight: str | None = "weight",
    relations: str | None = "relations",
    since: str | None = "since",
    sep: str | None = None,
    decimal: str | None = None,
    encoding: str = "utf-8",
    duplicates: str | Mapping[str, str] = "sum",
    missing_weight: str | float = "error",
    sector_map: Mapping[str, str] | PathLike | None = None,
    unknown_sectors: str = "error",
    max_errors: int = 20,
    allow_self_loops: bool = False,
) -> Network:
    """Read a network from an actors CSV and a ties CSV.

    Parameters
    ----------
    actors : str or os.PathLike
        Actors file: the ``id`` column; optional ``name``, ``type``, the
        sector column and ``sectors`` (further sectors separated by ``|``).
    ties : str or os.PathLike
        Ties file: ``source`` and ``target``; optional ``relations`` (or
        ``relation``; separated by ``|``), ``since`` and ``weight``.
    directed : bool, default True
        Survey nominations are directed; pass False for symmetric ties
        (reported both ways they merge, with a :class:`DataWarning`).
    id, name, type, sector, sectors, respondent, source, target, weight, relations, since : str or None
        The column names (``respondent``: true/false, 1/0, yes/no, ja/nein;
        blank is unknown). A name that differs from its default must be a
        column of the file; None (or a default name the file lacks) means no
        such column. Without a weight column every weight is 1.
    sep : {",", ";", "\\t", None}, default None
        The field separator; None detects it from the header line.
    decimal : {",", ".", None}, default None
        The decimal separator; None: ``,`` when the separator is ``;``
        (German Excel), else ``.``.
    encoding : str, default "utf-8"
        ``utf-8`` (a byte order mark is skipped), ``utf-8-sig``, ``cp1252``
        (German Excel's "CSV"), ``latin-1``, ``utf-16`` (with byte order
        mark), ``utf-16-le``, ``utf-16-be``.
    duplicates, missing_weight, sector_map, unknown_sectors, max_errors
        The shared reading rules; see :func:`from_pandas`.
    allow_self_loops : bool, default False

    Returns
    -------
    Network

    Warns
    -----
    DataWarning
        When pairs were merged, blank weights dropped or filled, or sector
        labels outside the taxonomy kept: the count and the first example
        with its line.

    Notes
    -----
    Every other column becomes an attribute: numbers parse as numbers,
    ``true``/``false`` as booleans, and an empty cell leaves the attribute
    absent (never 0). Sector labels must be taxonomy ids, taxonomy labels
    (German or English, e.g. "Pflege") or mapped with ``sector_map``.

    Raises
    ------
    ValueError
        For the first problem, naming the file, the line and the column; the
        message says how many more problems there are (:func:`validate`
        lists them).
    OSError
        When a file cannot be read.
    """
    rules = _reading.table_rules(
        duplicates=duplicates,
        missing_weight=missing_weight,
        sector_map=sector_map,
        unknown_sectors=unknown_sectors,
        max_errors=max_errors,
    )
    columns = dict(
        id=id, name=name, type=type, sector=sector, sectors=sectors, respondent=respondent, source=source,
        target=target,
        weight=weight, relations=relations, since=since,
    )
    net, notes = _core.read_csv(
        *_csv_arguments(actors, ties, directed, columns, sep, decimal, encoding, rules, allow_self_loops)
    )
    _reading.warn_notes(net, notes)
    return net


@dataclasses.dataclass(frozen=True)
class Validation:
    """What :func:`validate` found.

    Attributes
    ----------
    problems : list of str
        The problems, each ``file:line: field: problem``, at most
        ``max_errors`` per CSV pair (one per JSON or GraphML file).
    total : int
        How many problems there are in all.
    notes : list of str
        What a reader would assume (merged pairs, dropped weights, kept
        labels), for inputs without problems.
    """

    problems: list
    total: int
    notes: list

    @property
    def ok(self) -> bool:
        """No problem was found."""
        return self.total == 0

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        lines = list(self.problems)
        if self.total > len(self.problems):
            lines.append(f"... and {self.total - len(self.problems)} more problems")
        lines += [f"note: {n}" for n in self.notes]
        return "\n".join(lines) if lines else "ok"


def validate(
    *paths: PathLike,
    actors: PathLike | None = None,
    ties: PathLike | None = None,
    **options,
) -> Validation:
    """List every problem of input files instead of stopping at the first.

    Parameters
    ----------
    *paths : str or os.PathLike
        healthnet JSON or GraphML files; each is read and its first problem
        listed (one bad file does not stop the others).
    actors, ties : str or os.PathLike, optional
        A CSV pair; every problem is listed, up to ``max_errors``.
    **options
        The options of :func:`read_csv` for the CSV pair.

    Returns
    -------
    Validation
        Its ``problems`` (``file:line: field: problem``), ``total`` and
        ``notes``; true when there is no problem.

    Examples
    --------
    >>> import healthnet as hn
    >>> report = hn.validate("region.json")  # doctest: +SKIP
    >>> print(report)                        # doctest: +SKIP
    """
    if (actors is None) != (ties is None):
        raise ValueError("validate: actors and ties go together")
    if actors is None and not paths:
        raise ValueError("validate: give files, or actors= and ties=")
    problems: list = []
    total = 0
    notes: list = []
    for path in paths:
        text = _fspath(path)
        reader = _core.read_graphml if text.lower().endswith((".graphml", ".xml")) else _core.read_json
        try:
            reader(text, bool(options.get("allow_self_loops", False)))
        except ValueError as e:
            problems.append(str(e))
            total += 1
    if actors is not None:
        keys = ("duplicates", "missing_weight", "sector_map", "unknown_sectors", "max_errors")
        rules = _reading.table_rules(**{k: options.pop(k) for k in keys if k in options})
        column_keys = (
            "id", "name", "type", "sector", "sectors", "respondent", "source", "target", "weight", "relations", "since",
        )
        defaults = dict(zip(column_keys, column_keys))
        columns = {k: options.pop(k, defaults[k]) for k in column_keys}
        directed = options.pop("directed", True)
        sep, decimal = options.pop("sep", None), options.pop("decimal", None)
        encoding = options.pop("encoding", "utf-8")
        self_loops = options.pop("allow_self_loops", False)
        if options:
            raise TypeError(f"validate: unexpected options {sorted(options)}")
        found, count, csv_notes = _core.validate_csv(
            *_csv_arguments(actors, ties, directed, columns, sep, decimal, encoding, rules, self_loops)
        )
        problems += found
        total += count
        notes += [text for text, _count, _field in csv_notes]
    return Validation(problems, total, notes)


def read_sector_map(path: PathLike) -> dict:
    """Read a sector map: a CSV with the columns ``label,sector``, or a JSON object.

    Parameters
    ----------
    path : str or os.PathLike

    Returns
    -------
    dict
        Label to sector id, for ``sector_map=`` of every reader.

    Raises
    ------
    ValueError
        For a repeated or empty label, naming the file and the line.
    """
    return dict(_core.read_sector_map(_fspath(path)))


def read_graphml(path: PathLike, *, allow_self_loops: bool = False) -> Network:
    """Read a network from GraphML (as written by Gephi, igraph, networkx).

    Node and edge data keys become attributes; keys named ``name``,
    ``sector``, ``sectors``, ``type``, ``relations`` and ``weight`` fill the
    matching fields.

    Parameters
    ----------
    path : str or os.PathLike
    allow_self_loops : bool, default False

    Returns
    -------
    Network
    """
    return _core.read_graphml(_fspath(path), allow_self_loops)


def to_graphml(net: Network) -> str:
    """Serialise a network to GraphML text.

    Parameters
    ----------
    net : Network

    Returns
    -------
    str
    """
    return _core.to_graphml(net)


def write_graphml(net: Network, path: PathLike) -> None:
    """Write a network to a GraphML file, atomically.

    Parameters
    ----------
    net : Network
    path : str or os.PathLike
    """
    _core.write_graphml(net, _fspath(path))


def example(wave: str = "2024") -> Network:
    """The built-in example region "Landkreis Musterstadt".

    A fictional but realistic region of about 120 actors across all built-in
    sectors, with a coordination office, a steering group, working groups, a
    health conference and multiplex ties. It is the shipped
    ``examples/musterstadt.json`` (``musterstadt_2022.json`` for wave 2022),
    compiled into the library, so it is identical on every machine.

    Parameters
    ----------
    wave : {"2024", "2022"}, default "2024"
        The survey wave. The 2022 wave is the earlier state of the same
        region (fewer actors and ties), for trying :func:`compare`.

    Returns
    -------
    Network
    """
    if str(wave) == "2024":
        return _core.example_region()
    if str(wave) == "2022":
        return _core.example_region_earlier()
    raise ValueError(f"wave: expected '2024' or '2022', got {wave!r}")


def synthetic_region(
    n_actors: int = 150,
    n_ties: int = 600,
    *,
    sectors: Sequence[str] | None = None,
    homophily: float = 4.0,
    directed: bool = False,
    weighted: bool = False,
    with_bodies: bool = True,
    seed: int = 1,
    region_id: str = "synthetic",
) -> Network:
    """A synthetic, sector-structured region (stochastic block model).

    Parameters
    ----------
    n_actors, n_ties : int
        Size of the network; ties are distinct pairs without self-loops.
    sectors : sequence of str, optional
        Sector ids to spread the actors over; default the core sectors.
    homophily : float, default 4.0
        How much more likely a within-sector tie is than a cross-sector tie.
    directed, weighted, with_bodies : bool
    seed : int, default 1
        The same seed gives the same network on every machine.
    region_id : str

    Returns
    -------
    Network
    """
    for name, value in (("n_actors", n_actors), ("n_ties", n_ties)):
        if operator.index(value) < 0:
            raise ValueError(f"{name}: expected a count >= 0, got {value}")
    return _core.synthetic_region(
        n_actors, n_ties, list(sectors or []), homophily, directed, weighted, with_bodies, _check_seed(seed), region_id
    )

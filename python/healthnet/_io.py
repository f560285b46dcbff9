# SPDX-License-Identifier: MIT
"""Reading and writing networks: healthnet JSON, CSV pairs, GraphML."""

from __future__ import annotations

import operator
import os
from collections.abc import Sequence

from . import _core
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


def read_csv(
    actors: PathLike,
    ties: PathLike,
    *,
    directed: bool = True,
    sector: str | None = "sector",
    weight: str | None = None,
    allow_self_loops: bool = False,
) -> Network:
    """Read a network from an actors CSV and a ties CSV.

    Parameters
    ----------
    actors : str or os.PathLike
        Actors file with a required ``id`` column; optional ``name``,
        ``type``, the sector column and ``sectors`` (further sectors
        separated by ``|``).
    ties : str or os.PathLike
        Ties file with required ``source`` and ``target`` columns; optional
        ``relation``/``relations`` (separated by ``|``), ``since`` and the
        weight column.
    directed : bool, default True
        Survey nominations are directed; pass False for symmetric ties.
    sector : str or None, default "sector"
        Actors column holding the primary sector (any values are allowed).
    weight : str or None, default None
        Ties column holding the weight; None gives every tie weight 1.
    allow_self_loops : bool, default False

    Returns
    -------
    Network

    Notes
    -----
    Every other column becomes an attribute: numbers parse as numbers,
    ``true``/``false`` as booleans, and an empty cell leaves the attribute
    absent. The separator (``,``, ``;`` or tab) is detected from the
    header; with ``;`` a decimal comma (``1,5``) is read as German Excel
    writes it. UTF-8 with or without byte order mark.

    Raises
    ------
    ValueError
        Naming the file, the line and the column.
    """
    return _core.read_csv(
        _fspath(actors), _fspath(ties), directed, sector or "", weight or "", allow_self_loops
    )


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

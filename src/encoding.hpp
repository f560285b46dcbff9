// SPDX-License-Identifier: MIT
// Text encodings of input files: everything is read as UTF-8, other
// encodings are converted with iconv (glibc) first.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace healthnet {

/// Whether `encoding` names UTF-8 ("utf-8", "utf8", "utf-8-sig"; any case).
bool is_utf8_name(std::string_view encoding);

/// `raw` converted to UTF-8 from `encoding` ("cp1252", "latin-1",
/// "utf-16" with a byte order mark, "utf-16-le", "utf-16-be"), or nullopt
/// when `encoding` names UTF-8 and `raw` needs no conversion.
/// @throws invalid_input naming `origin` and the line for bytes that are no
/// character in that encoding, and for an unknown encoding name.
std::optional<std::string> decode_text(std::string_view raw, std::string_view encoding, const std::string& origin);

}  // namespace healthnet

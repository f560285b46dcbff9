// SPDX-License-Identifier: MIT
// Attribute text and governance body kind names.
#include <healthnet/attributes.hpp>
#include <healthnet/body.hpp>
#include <healthnet/detail/text.hpp>

#include <array>
#include <utility>

namespace healthnet {

std::string to_string(const attribute_value& value) {
  if (const auto* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  if (const auto* d = std::get_if<double>(&value)) return detail::format_number(*d);
  if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
  return std::get<std::string>(value);
}

namespace {
constexpr std::array<std::pair<body_kind, std::string_view>, 4> body_kind_names{{
    {body_kind::steering_group, "steering_group"},
    {body_kind::working_group, "working_group"},
    {body_kind::coordination_office, "coordination_office"},
    {body_kind::health_conference, "health_conference"},
}};
}  // namespace

std::string_view to_string(body_kind kind) noexcept {
  for (const auto& [k, name] : body_kind_names) {
    if (k == kind) return name;
  }
  return "working_group";
}

std::optional<body_kind> parse_body_kind(std::string_view name) noexcept {
  for (const auto& [k, n] : body_kind_names) {
    if (n == name) return k;
  }
  return std::nullopt;
}

}  // namespace healthnet

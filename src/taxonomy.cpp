// SPDX-License-Identifier: MIT
// The built-in sector taxonomy and loading custom ones.
#include <healthnet/detail/keyed_hash.hpp>
#include <healthnet/error.hpp>
#include <healthnet/taxonomy.hpp>
#include "text/catalogue.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_set>

namespace healthnet {

taxonomy::taxonomy(std::vector<sector> sectors) : m_sectors(std::move(sectors)) {
  std::unordered_set<std::string_view, detail::keyed_string_hash> seen;  // O(n) expected; a pairwise scan was O(n^2)
  seen.reserve(m_sectors.size());
  for (std::size_t i = 0; i < m_sectors.size(); ++i) {
    if (m_sectors[i].id.empty()) throw invalid_input("sector " + std::to_string(i) + ": id is empty");
    if (!seen.insert(m_sectors[i].id).second) throw invalid_input("duplicate sector id '" + m_sectors[i].id + "'");
  }
}

const taxonomy& taxonomy::builtin() {
  // Sectors named in the programme texts: ambulant, stationär, Pflege,
  // Rehabilitation, Prävention/Gesundheitsförderung, ÖGD, Kommune,
  // Krankenkassen, Apotheken, Notfallversorgung, Selbsthilfe, Teilhabe/Soziales,
  // Bildung, Mobilität, Kammern/KV. Core = the care areas the Lower Saxony
  // programme lists plus the partners its steering group must include.
  static const taxonomy t{{
      {"outpatient_care", "Ambulante Versorgung", "Outpatient care", true},
      {"inpatient_care", "Stationäre Versorgung", "Inpatient care", true},
      {"nursing_care", "Pflege", "Nursing care", true},
      {"rehabilitation", "Rehabilitation", "Rehabilitation", true},
      {"prevention", "Prävention und Gesundheitsförderung", "Prevention and health promotion", true},
      {"public_health", "Öffentlicher Gesundheitsdienst", "Public health service", true},
      {"municipality", "Kommune", "Municipality", true},
      {"health_insurance", "Krankenkassen", "Health insurance", true},
      {"pharmacy", "Apotheken", "Pharmacy", false},
      {"emergency_care", "Notfallversorgung und Rettungsdienst", "Emergency care", false},
      {"self_help", "Selbsthilfe", "Self-help", false},
      {"social_services", "Soziale Dienste und Teilhabe", "Social services", false},
      {"education", "Bildung", "Education", false},
      {"mobility", "Mobilität", "Mobility", false},
      {"professional_body", "Kammern und Verbände", "Professional bodies", false},
      {"other", "Sonstige", "Other", false},
  }};
  return t;
}

const sector* taxonomy::find(std::string_view id) const noexcept {
  const auto it = std::find_if(m_sectors.begin(), m_sectors.end(), [&](const sector& s) { return s.id == id; });
  return it == m_sectors.end() ? nullptr : &*it;
}

std::string taxonomy::label(std::string_view id, std::string_view lang) const {
  const sector* s = find(id);
  if (!s) return std::string(id);
  return detail::by_language(lang, s->label_de, s->label_en);
}

std::vector<std::string> taxonomy::core_sectors() const {
  std::vector<std::string> out;
  for (const auto& s : m_sectors) {
    if (s.core) out.push_back(s.id);
  }
  return out;
}

bool operator==(const sector& a, const sector& b) {
  return a.id == b.id && a.label_de == b.label_de && a.label_en == b.label_en && a.core == b.core;
}
bool operator==(const taxonomy& a, const taxonomy& b) { return a.m_sectors == b.m_sectors; }

}  // namespace healthnet

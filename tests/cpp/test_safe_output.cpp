// SPDX-License-Identifier: MIT
// Escaping for terminals and neutralising CSV cells (expected values hand-written
// from the rules: C0/DEL/C1 controls and invalid UTF-8 escaped; OWASP CSV injection).
#include <gtest/gtest.h>

#include <healthnet/detail/text.hpp>

using healthnet::detail::escape_control;
using healthnet::detail::neutralize_csv_cell;

TEST(EscapeControl, C0AndDel) {
  EXPECT_EQ(escape_control("\x1b]0;TITLE\x07"), "\\x1b]0;TITLE\\x07");
  EXPECT_EQ(escape_control("\r\x1b[K"), "\\x0d\\x1b[K");
  EXPECT_EQ(escape_control(std::string_view("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(escape_control("x\x7fy"), "x\\x7fy");
  EXPECT_EQ(escape_control("a\tb\nc"), "a\\x09b\\x0ac");
  EXPECT_EQ(escape_control("a\tb\nc", true), "a\tb\nc");
}

TEST(EscapeControl, C1AndInvalidUtf8) {
  // U+009B (CSI) is C2 9B in UTF-8; U+00A0 (C2 A0) is printable and stays.
  EXPECT_EQ(escape_control("\xc2\x9b" "31m"), "\\u009b31m");
  EXPECT_EQ(escape_control("\xc2\x80\xc2\x9f\xc2\xa0"), "\\u0080\\u009f\xc2\xa0");
  // A lone 0x9B byte (an 8-bit CSI) and a cut sequence are not UTF-8.
  EXPECT_EQ(escape_control("\x9b" "2J"), "\\x9b2J");
  EXPECT_EQ(escape_control("ab\xc3"), "ab\\xc3");
  EXPECT_EQ(escape_control("\xe2\x82"), "\\xe2\\x82");
}

TEST(EscapeControl, PrintableTextUnchanged) {
  const std::string text = "Hausarztpraxis Müller – Süd \xf0\x9f\x8f\xa5 \\ | ' \"";
  EXPECT_EQ(escape_control(text), text);
}

TEST(NeutralizeCsvCell, FormulasGetAQuote) {
  EXPECT_EQ(neutralize_csv_cell("=HYPERLINK(\"http://x\",\"y\")"), "'=HYPERLINK(\"http://x\",\"y\")");
  EXPECT_EQ(neutralize_csv_cell("-cmd"), "'-cmd");
  EXPECT_EQ(neutralize_csv_cell("+SUM(A1)"), "'+SUM(A1)");
  EXPECT_EQ(neutralize_csv_cell("@x"), "'@x");
  EXPECT_EQ(neutralize_csv_cell("\tx"), "'\tx");
  EXPECT_EQ(neutralize_csv_cell("\rx"), "'\rx");
  EXPECT_EQ(neutralize_csv_cell("-2+3"), "'-2+3");
  EXPECT_EQ(neutralize_csv_cell("+49 511"), "'+49 511");
  EXPECT_EQ(neutralize_csv_cell("-"), "'-");
}

TEST(NeutralizeCsvCell, NumbersAndPlainTextUnchanged) {
  EXPECT_EQ(neutralize_csv_cell("-3.5"), "-3.5");
  EXPECT_EQ(neutralize_csv_cell("+1"), "+1");
  EXPECT_EQ(neutralize_csv_cell("-1e5"), "-1e5");
  EXPECT_EQ(neutralize_csv_cell("Praxis - Mitte"), "Praxis - Mitte");
  EXPECT_EQ(neutralize_csv_cell("a=b"), "a=b");
  EXPECT_EQ(neutralize_csv_cell(""), "");
}

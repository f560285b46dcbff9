// SPDX-License-Identifier: MIT
// Keyed hashing against hash flooding (detail/keyed_hash.hpp).
// Oracles: the SipHash-2-4 test vectors of the SipHash paper (Aumasson &
// Bernstein 2012, appendix A and the reference vectors.h); for flooding, ids
// found as an attacker would against libstdc++'s unkeyed std::hash: all of
// them share one bucket there, and must spread over the buckets under the
// keyed hash.
#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <healthnet/healthnet.hpp>
#include <healthnet/detail/keyed_hash.hpp>

namespace hn = healthnet;

namespace {

constexpr std::uint64_t bucket_bits = 14;
constexpr std::uint64_t bucket_mask = (std::uint64_t{1} << bucket_bits) - 1;

/// `count` ids ("id-" and a counter) whose std::hash agrees in the low 14
/// bits, found by trying counters as an attacker would: libstdc++'s hash has
/// no secret, and an open-addressing table of up to 2^14 slots places all of
/// them in one bucket. About count * 2^14 hashes (0.2 s for 1024 ids).
std::vector<std::string> colliding_ids(std::size_t count) {
  std::vector<std::string> ids;
  std::uint64_t target = std::hash<std::string_view>{}("id-0") & bucket_mask;
  for (std::uint64_t i = 0; ids.size() < count; ++i) {
    std::string id = "id-" + std::to_string(i);
    if ((std::hash<std::string_view>{}(id)&bucket_mask) == target) ids.push_back(std::move(id));
  }
  return ids;
}

std::uint64_t from_hex_key_vector_message(std::size_t length) {
  hn::detail::hash_key key{0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL};
  std::string message;
  for (std::size_t i = 0; i < length; ++i) message.push_back(static_cast<char>(i));
  return hn::detail::siphash<2, 4>(message, key);
}

}  // namespace

TEST(KeyedHash, SipHash24MatchesThePapersVectors) {
  // Key 00..0f; messages 00..(len-1). Values from the SipHash reference.
  EXPECT_EQ(from_hex_key_vector_message(0), 0x726fdb47dd0e0e31ULL);
  EXPECT_EQ(from_hex_key_vector_message(15), 0xa129ca6149be45e5ULL);  // the paper's appendix A
}

TEST(KeyedHash, DependsOnTheKey) {
  const hn::detail::hash_key k1{1, 2}, k2{1, 3};
  EXPECT_NE((hn::detail::siphash<1, 3>("actor-1", k1)), (hn::detail::siphash<1, 3>("actor-1", k2)));
  EXPECT_EQ(hn::detail::keyed_hash(std::string_view("actor-1")), hn::detail::keyed_hash(std::string_view("actor-1")));
}

TEST(KeyedHash, AttackerIdsShareABucketUnderStdHashButSpreadUnderTheKeyedHash) {
  const auto ids = colliding_ids(1024);
  std::set<std::uint64_t> std_buckets, keyed_buckets;
  for (const auto& id : ids) {
    std_buckets.insert(std::hash<std::string_view>{}(id)&bucket_mask);
    keyed_buckets.insert(hn::detail::keyed_hash(std::string_view(id)) & bucket_mask);
  }
  ASSERT_EQ(std_buckets.size(), 1u);  // the attack works on the unkeyed hash
  // 1024 keys over 16384 buckets at random: about 16384 (1 - e^(-1/16)) = 992 distinct.
  EXPECT_GT(keyed_buckets.size(), 950u);
}

TEST(KeyedHash, CollidingIdsLoadAsActorsAndTies) {
  // Oracle: counts and look-ups of what was added.
  const auto ids = colliding_ids(1024);
  hn::network net;
  for (const auto& id : ids) net.add_actor(hn::actor{id});
  for (std::size_t i = 1; i < ids.size(); ++i) net.add_tie(hn::tie{ids[i - 1], ids[i]});
  EXPECT_EQ(net.n_actors(), ids.size());
  EXPECT_EQ(net.n_ties(), ids.size() - 1);
  EXPECT_TRUE(net.has_actor(ids.back()));
  EXPECT_TRUE(net.has_tie(ids[7], ids[8]));
  EXPECT_FALSE(net.has_tie(ids[7], ids[9]));
}

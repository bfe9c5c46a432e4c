// ServerStorage in one SQLite file (`server.db` in the data directory): WAL, synchronous=FULL,
// through the store's RAII wrapper (sync/core/database.h). Zero set-up; one process at a time writes.
//
// WAL checkpoints run off the request path (BackgroundCheckpoint, sync/core/database.h): SQLite's
// automatic checkpoint would copy the WAL into the database file, and sync it, inside whichever
// push's commit crossed its threshold.
#pragma once

#include "storage.h"

#include "sync/core/database.h"

#include <filesystem>
#include <memory>

namespace quartier::sync::server {

class SqliteStorage final : public ServerStorage {
public:
    // Opens (or with `create`, creates) the database and its schema. NotFound without `create` if
    // there is no file; Unsupported for a newer schema.
    static Result<std::unique_ptr<SqliteStorage>> open(const std::filesystem::path& file, bool create);
    // Caps the database at about `bytes` (SQLite's max_page_count on this connection, rounded
    // down to whole pages, never below the pages already used): a write past it fails as a full
    // disk does (Error::Full). `quartier-server serve --max-db-bytes` (docs/server.md). Returns
    // the cap in bytes that SQLite took.
    Result<std::uint64_t> set_max_bytes(std::uint64_t bytes);

    Result<void> initialise(const Id16& server_id, const Hash32& bootstrap_hash) override;
    Result<ServerMeta> meta() override;

    Result<std::vector<std::string>> directory() override;
    Result<void> found_org(const Id16& org, const std::vector<std::string>& entries) override;
    Result<void> append_directory(std::uint64_t seq, const std::string& entry_json) override;

    Result<void> put_offer(const Offer& offer) override;
    Result<std::optional<Offer>> offer(const Hash32& hash) override;
    Result<void> add_request(const EnrolRequest& request) override;
    Result<std::optional<EnrolRequest>> request_for(const Hash32& offer) override;
    Result<std::vector<EnrolRequest>> requests() override;

    Result<void> put_grants(const std::vector<StoredGrant>& grants) override;
    Result<std::vector<StoredGrant>> grants_for(const DeviceId& device) override;
    Result<std::vector<StoredGrant>> all_grants() override;

    Result<PushOutcome> push(const std::vector<PushGroup>& groups) override;
    Result<PullPage> pull(const ScopeId& scope, std::uint64_t since, std::size_t limit, std::size_t max_bytes) override;
    Result<std::optional<Id16>> op_at(const ScopeId& scope, std::uint64_t seq) override;
    Result<std::uint64_t> envelope_count() override;
    Result<std::uint64_t> last_device_seq(const DeviceId& device) override;
    Result<std::map<ScopeId, std::uint64_t>> last_seqs(const std::vector<ScopeId>& scopes) override;
    Result<std::vector<AuthorOp>> author_ops(const DeviceId& author, std::uint64_t lo, std::uint64_t hi,
                                             std::uint64_t after) override;

    Result<void> put_escrow_wraps(const std::vector<StoredEscrowWrap>& wraps) override;
    Result<std::vector<StoredEscrowWrap>> escrow_wraps(const ScopeId& scope) override;
    Result<void> shred_scope(std::uint64_t seq, const std::string& entry_json, const ScopeId& scope) override;
    Result<ScopeHoldings> holdings(const ScopeId& scope) override;
    Result<void> put_confirmation(const StoredConfirmation& c) override;
    Result<std::vector<StoredConfirmation>> confirmations() override;

    Result<void> record_sync(const DeviceId& device, std::uint64_t time_ms, std::uint64_t bytes_in,
                             std::uint64_t bytes_out, std::uint64_t pushed) override;
    Result<std::vector<DeviceStats>> device_stats() override;

    ~SqliteStorage() override;
    // Blocks until no WAL checkpoint is due or running (tests).
    void wait_checkpoint_idle();

private:
    SqliteStorage(Database db, const std::filesystem::path& file);
    Result<void> set_meta(std::string_view key, crypto::ByteView value);
    Result<std::optional<Bytes>> get_meta(std::string_view key);

    Database m_db;
    std::unique_ptr<BackgroundCheckpoint> m_checkpoint;  // destroyed before m_db closes
};

}  // namespace quartier::sync::server

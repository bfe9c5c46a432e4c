// One call to the organisation's server from a store job (on the store thread): the transport to
// the store's server (its settings server_url and fingerprint), a SyncClient over it, and what
// came of the call. SyncController's sync and ShareController's share and take-back run through it.
// Not stateful: a result and one function.
#pragma once

#include "sync/client/client.h"
#include "sync/store/store.h"

#include <string>
#include <utility>

namespace quartier::app {

// What one call came to: ok, or the error and its detail (the transport's, or the call's).
struct ServerCall {
    bool ok = false;
    sync::Error error = sync::Error::Cancelled;
    std::string detail;
};

// Connects to the store's server with `connect` (a SyncController::TransportFactory) and runs
// `call(client)` once; `call` returns a sync::Result.
template <class Connect, class Call>
ServerCall callServer(sync::Store& store, const Connect& connect, sync::SyncOptions options, Call&& call)
{
    ServerCall out;
    auto transport = connect(store.setting("server_url").value_or(""), store.setting("fingerprint").value_or(""));
    if (!transport) {
        out.error = transport.error();
        out.detail = transport.detail();
        return out;
    }
    sync::SyncClient client(store, **transport, std::move(options));
    const auto result = call(client);
    out.ok = result.ok();
    if (!result) {
        out.error = result.error();
        out.detail = result.detail();
    }
    return out;
}

}  // namespace quartier::app

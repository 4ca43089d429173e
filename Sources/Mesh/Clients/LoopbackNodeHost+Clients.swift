import Foundation
import Nostr

/// NIP-01 clients of a node on the loopback transport: each message is one batch of node work
/// (so its answers, deliveries and forwards share one flush per connection and one commit).
extension LoopbackNodeHost: NostrClientDelegate, ClientDelivery {
    func clientOpened(_ client: ClientLink) {
        clientHub.opened(client)
    }

    func client(_ client: ClientLink, received text: [UInt8]) {
        batch {
            let message: NostrMessage
            do {
                message = try NostrMessage(json: text)
            } catch {
                return clientHub.send(.notice("invalid: \(error)"), to: client)
            }
            switch message {
            case let .event(event):
                let answer = node.acceptFromClient(event, now: networkTime)
                clientHub.send(.ok(eventID: event.id, accepted: answer.accepted, message: answer.message), to: client)
            case let .request(id, filters):
                answer(request: id, filters: filters, from: client)
            case let .close(id):
                clientHub.unsubscribe(client, id: id)
            default:
                clientHub.send(
                    .notice("unsupported: a client may send EVENT, REQ and CLOSE, not \(message.name)"), to: client)
            }
        }
    }

    func clientClosed(_ client: ClientLink) {
        clientHub.closed(client)
    }

    func deliverToClients(_ event: NostrEvent) -> Int {
        clientHub.deliver(event)
    }

    /// Stored events first (newest first, at most `ClientHub.storedEventLimit` per filter), then
    /// `EOSE`; the subscription is live from then on (same loop, so nothing falls in between).
    private func answer(request id: String, filters: [NostrFilter], from client: ClientLink) {
        let capped = filters.map { filter -> NostrFilter in
            var copy = filter
            copy.limit = min(filter.limit ?? ClientHub.storedEventLimit, ClientHub.storedEventLimit)
            return copy
        }
        guard clientHub.subscribe(client, id: id, filters: filters) else {
            return clientHub.send(
                .closed(
                    subscriptionID: id,
                    message: "error: at most \(ClientHub.subscriptionLimit) subscriptions per connection"), to: client)
        }
        do {
            for event in try node.store.events(matching: capped) {
                clientHub.send(.subscriptionEvent(subscriptionID: id, event: event), to: client)
            }
        } catch {
            clientHub.unsubscribe(client, id: id)
            return clientHub.send(.closed(subscriptionID: id, message: "error: the store failed: \(error)"), to: client)
        }
        clientHub.send(.endOfStoredEvents(subscriptionID: id), to: client)
    }
}

/// The node's NIP-11 relay information document, served at `GET /nostr`.
enum RelayInformationDocument {
    /// The node's client-facing behaviour; change it when that behaviour changes, so `analyze`
    /// does not compare timings across versions.
    static let software = "MeshBench BTP-NIPs relay node"
    static let version = "1"

    static let description =
        "A MeshBench relay node: NIP-01 clients here, BTP-NIPs paid forwarding to its peers on /btp."

    /// Written as text, keys sorted: every value is a constant or a number and none needs
    /// escaping, so there is no encoder that could fail.
    static func bytes(node: Int) -> [UInt8] {
        Array(
            (#"{"description":"\#(description)","name":"meshbench node \#(node)","#
                + #""software":"\#(software)","supported_nips":[1,11],"version":"\#(version)"}"#).utf8)
    }
}

package dev.hexcore.adapters.rest.payment;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The addresses payment notifications are accepted from: {@code hexcore.payments.yookassa.webhook-allowed-ips}, a
 * comma-separated list of IPv4 and IPv6 addresses and CIDR ranges (YooKassa's published ones by default; empty or
 * {@code off} accepts every address, as on the embedded defaults and in tests). Matching is Netty's
 * {@link IpSubnetFilterRule}. The address checked is the connection's peer, or the client named by
 * {@code X-Forwarded-For} / {@code Forwarded} only when {@code quarkus.http.proxy.proxy-address-forwarding} is on
 * (then Quarkus rewrites the remote address; list the proxies in {@code quarkus.http.proxy.trusted-proxies}).
 */
@ApplicationScoped
public class WebhookSources {
    private final List<IpSubnetFilterRule> rules;

    @Inject
    public WebhookSources(@ConfigProperty(name = "hexcore.payments.yookassa.webhook-allowed-ips") Optional<String> allowed) {
        this(allowed.orElse(""));
    }

    /** @param allowed comma-separated addresses and ranges; blank or {@code off} for none (everyone allowed) */
    public WebhookSources(String allowed) {
        String list = allowed.strip();
        this.rules = list.isEmpty() || list.equalsIgnoreCase("off") ? List.of()
                : Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(WebhookSources::rule).toList();
    }

    /** Whether notifications from {@code address} (an IP literal) are accepted. */
    public boolean allows(String address) {
        if (rules.isEmpty()) return true;
        if (address == null) return false;
        InetAddress ip = NetUtil.createInetAddressFromIpAddressString(address);
        if (ip == null) return false;
        InetSocketAddress socket = new InetSocketAddress(ip, 0);
        return rules.stream().anyMatch(rule -> rule.matches(socket));
    }

    private static IpSubnetFilterRule rule(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        // only IP literals: a host name would be looked up in DNS, which an allow list must not depend on
        InetAddress ip = NetUtil.createInetAddressFromIpAddressString(address);
        if (ip == null) {
            throw new IllegalArgumentException("hexcore.payments.yookassa.webhook-allowed-ips: not an IP address: " + entry);
        }
        int max = ip.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? max : Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hexcore.payments.yookassa.webhook-allowed-ips: bad prefix in " + entry);
        }
        if (prefix < 0 || prefix > max) {
            throw new IllegalArgumentException("hexcore.payments.yookassa.webhook-allowed-ips: bad prefix in " + entry);
        }
        return new IpSubnetFilterRule(ip, prefix, IpFilterRuleType.ACCEPT);
    }
}

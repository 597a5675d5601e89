package dev.hexcore.application.crm;

import dev.hexcore.domain.crm.OrderChanged;
import dev.hexcore.domain.crm.OrderDetails;
import dev.hexcore.domain.crm.OrderRepository;
import dev.hexcore.domain.crm.ShopRepository;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.SocketTickets;
import dev.hexcore.domain.identity.UserAccess;
import dev.hexcore.domain.identity.UserRepository;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.ForbiddenException;
import dev.hexcore.domain.shared.Secrets;
import dev.hexcore.domain.shared.Sha256;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** See {@link LiveOrdersUseCase}. Tickets are 256 random bits, stored hashed, valid {@link #TICKET_TTL}, used once. */
public final class LiveOrdersService implements LiveOrdersUseCase {
    public static final Duration TICKET_TTL = Duration.ofSeconds(30);

    private final ShopAccess access;
    private final ShopRepository shops;
    private final OrderRepository orders;
    private final UserRepository users;
    private final SocketTickets tickets;
    private final UnitOfWork uow;
    private final Clock clock;
    private final RandomGenerator secureRandom;

    public LiveOrdersService(ShopAccess access, ShopRepository shops, OrderRepository orders, UserRepository users,
                             SocketTickets tickets, UnitOfWork uow, Clock clock, RandomGenerator secureRandom) {
        this.access = access;
        this.shops = shops;
        this.orders = orders;
        this.users = users;
        this.tickets = tickets;
        this.uow = uow;
        this.clock = clock;
        this.secureRandom = secureRandom;
    }

    @Override
    public Ticket issueTicket(Actor actor, Instant sessionEndsAt) {
        if (actor.kind() != Actor.Kind.USER || ShopAccess.isCrmAdmin(actor)) {
            throw new ForbiddenException("Live order updates are for the staff of a shop");
        }
        access.staffOf(actor, null);   // ForbiddenException for a user on no shop's staff
        String ticket = Secrets.randomToken(secureRandom, 32);
        Instant now = clock.instant();
        uow.run(() -> tickets.issue(Sha256.hex(ticket), new SocketTickets.Holder(actor.id(), sessionEndsAt),
                now.plus(TICKET_TTL)));
        return new Ticket(ticket, TICKET_TTL);
    }

    @Override
    public Optional<Subscriber> redeem(String ticket) {
        if (ticket == null || ticket.isBlank()) return Optional.empty();
        Optional<SocketTickets.Holder> holder = uow.inTransaction(() -> tickets.redeem(Sha256.hex(ticket), clock.instant()));
        return holder.flatMap(h -> shops.shopOf(h.userId()).map(shop -> new Subscriber(h.userId(), shop, h.sessionEndsAt())))
                .filter(this::stillAllowed);
    }

    @Override
    public boolean stillAllowed(Subscriber subscriber) {
        if (!clock.instant().isBefore(subscriber.endsAt())) return false;
        return users.findAccess(subscriber.userId()).filter(UserAccess::isActive).isPresent()
                && shops.shopOf(subscriber.userId()).filter(subscriber.shopId()::equals).isPresent();
    }

    @Override
    public Optional<OrderDetails> view(OrderChanged event) {
        return orders.details(event.shopId(), event.orderId());
    }
}

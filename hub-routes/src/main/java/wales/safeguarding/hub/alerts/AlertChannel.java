package wales.safeguarding.hub.alerts;

/** A way to tell people about operational alerts. Each one is on only when configured. */
public interface AlertChannel {

    /** {@code email} or {@code webhook}: names the columns that record what it was told. */
    String name();

    boolean enabled();

    /** Sends the notice, or throws: it is then sent again at the next check. */
    void send(AlertNotice notice) throws Exception;
}

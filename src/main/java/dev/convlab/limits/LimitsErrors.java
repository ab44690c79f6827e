package dev.convlab.limits;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What the per-client limits say when a client has asked for more than its share. */
@MessageBundle("limitsErrors")
public interface LimitsErrors {

    @Message("This address has asked for more than its share of the server: a computation costs {requestCost} units plus one per number it answers with, and each address earns {perSecond} units a second, up to {burst}; this request costs {cost}. Try again in {seconds} s, or log in: learners are counted each on their own")
    String addressOverShare(String requestCost, String perSecond, String burst, String cost, long seconds);

    @Message("This account has asked for more than its share of the server: a computation costs {requestCost} units plus one per number it answers with, and each account earns {perSecond} units a second, up to {burst}; this request costs {cost}. Try again in {seconds} s")
    String accountOverShare(String requestCost, String perSecond, String burst, String cost, long seconds);
}

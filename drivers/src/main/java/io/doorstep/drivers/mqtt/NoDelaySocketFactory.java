package io.doorstep.drivers.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with Nagle's algorithm off. Paho leaves it on, and then every small QoS 1
 * message waits for the previous one's ACK: a terminal's verify round trip through the broker
 * costs 14–23 ms on loopback instead of about 0.1 ms. A door must open fast.
 */
final class NoDelaySocketFactory extends SocketFactory {

  @Override
  public Socket createSocket() throws IOException {
    Socket socket = new Socket();
    socket.setTcpNoDelay(true);
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return configured(new Socket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return configured(new Socket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return configured(new Socket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return configured(new Socket(address, port, localAddress, localPort));
  }

  private static Socket configured(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }
}

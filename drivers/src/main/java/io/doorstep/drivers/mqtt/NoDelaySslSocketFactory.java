package io.doorstep.drivers.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS sockets with Nagle's algorithm off, for the same reason as {@link NoDelaySocketFactory}.
 * Paho opens the TCP socket itself and layers TLS over it through
 * {@link #createSocket(Socket, String, int, boolean)}, so that is where Nagle is switched off.
 */
final class NoDelaySslSocketFactory extends SSLSocketFactory {
  private final SSLSocketFactory delegate;

  NoDelaySslSocketFactory(SSLSocketFactory delegate) {
    this.delegate = delegate;
  }

  @Override
  public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
    socket.setTcpNoDelay(true);
    return configured(delegate.createSocket(socket, host, port, autoClose));
  }

  @Override
  public Socket createSocket() throws IOException {
    return configured(delegate.createSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return configured(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return configured(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return configured(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return configured(delegate.createSocket(address, port, localAddress, localPort));
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }

  private static Socket configured(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }
}

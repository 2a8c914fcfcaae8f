/* The same signing step as Benchmarks/SigningBenchmark in C with OpenSSL, as the reference point:
 * Date from the clock (ISO 8601 UTC), MD5 hex of the body, the six-line message, HMAC-SHA1, base64. */
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/md5.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *secret = "benchmark-secret-not-real";
/* The key is absorbed once; each signature starts from a copy, as GoTomAuth's signer does. */
static HMAC_CTX *keyed;
static HMAC_CTX *work;

static int sign_once(const char *method, const char *uri, const unsigned char *body, size_t body_len) {
    char date[32], hex[33], message[1024], authorization[256];
    unsigned char digest[MD5_DIGEST_LENGTH], mac[EVP_MAX_MD_SIZE], encoded[64];
    unsigned int mac_len = 0;
    time_t now = time(NULL);
    struct tm utc;
    gmtime_r(&now, &utc);
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &utc);
    MD5(body, body_len, digest);
    static const char digits[] = "0123456789abcdef";
    for (int i = 0; i < MD5_DIGEST_LENGTH; i++) {
        hex[2 * i] = digits[digest[i] >> 4];
        hex[2 * i + 1] = digits[digest[i] & 15];
    }
    hex[32] = 0;
    int length = snprintf(message, sizeof message, "%s\n%s\n%s\n%s\n\n%s", method, hex, "application/json", date, uri);
    HMAC_CTX_copy(work, keyed);
    HMAC_Update(work, (unsigned char *)message, (size_t)length);
    HMAC_Final(work, mac, &mac_len);
    int encoded_len = EVP_EncodeBlock(encoded, mac, (int)mac_len);
    int written = snprintf(authorization, sizeof authorization, "gotom_app_api benchmark_user:%s", encoded);
    return written + encoded_len;
}

static void measure(const char *label, const char *method, const char *uri, const unsigned char *body, size_t len,
                    long iterations) {
    long sink = 0;
    for (long i = 0; i < 10000; i++) sink += sign_once(method, uri, body, len);
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (long i = 0; i < iterations; i++) sink += sign_once(method, uri, body, len);
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    printf("openssl %s %ld signatures/s %.3f us (%ld)\n", label, (long)(iterations / seconds),
           seconds * 1e6 / (double)iterations, sink & 1);
}

int main(int argc, char **argv) {
    long iterations = argc > 1 ? atol(argv[1]) : 1000000;
    keyed = HMAC_CTX_new();
    work = HMAC_CTX_new();
    HMAC_Init_ex(keyed, secret, (int)strlen(secret), EVP_sha1(), NULL);
    unsigned char body[1024];
    memset(body, 'x', sizeof body);
    measure("GET", "GET", "/app-api/campaign/12345", (const unsigned char *)"", 0, iterations);
    measure("POST-1KiB", "POST", "/app-api/campaign/12345?update_commissions=0", body, sizeof body, iterations);
    return 0;
}

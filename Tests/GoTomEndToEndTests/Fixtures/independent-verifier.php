<?php
// A second, independent check of goTom's request authentication, written in PHP from the protocol
// description (not from GoTomAuth), so that the end-to-end tests do not only ask our own verifier.
// Run as a router script: php -S 127.0.0.1:PORT independent-verifier.php
// Users and secrets come from the environment variable GOTOM_VERIFIER_USERS as a JSON object.

$users = json_decode(getenv('GOTOM_VERIFIER_USERS') ?: '{}', true);
$expectedProvider = 'gotom_app_api';

function reject(string $message): void
{
    http_response_code(401);
    header('Content-Type: application/json');
    echo json_encode($message);
    exit;
}

$authorization = $_SERVER['HTTP_AUTHORIZATION'] ?? null;
if ($authorization === null) {
    reject('Authorization header required');
}
$prefix = $expectedProvider . ' ';
if (substr($authorization, 0, strlen($prefix)) !== $prefix) {
    reject('Invalid provider in authorization header');
}
// The user ends at the first colon that has no backslash in front of it.
$credentials = substr($authorization, strlen($prefix));
$fields = preg_split('/(?<!\\\\):/', $credentials);
if (count($fields) < 2) {
    reject('Unable to parse ID and signature from authorization header');
}
$user = str_replace('\\:', ':', $fields[0]);
$signature = $fields[1];
if (preg_match('#^[A-Za-z0-9+/]+={0,2}$#', $signature) !== 1) {
    reject('Invalid signature in authorization header');
}
$date = $_SERVER['HTTP_DATE'] ?? '';
if ($date === '') {
    reject('Date header required');
}
$timestamp = strtotime($date);
if ($timestamp === false) {
    reject('Timestamp not valid');
}
if (time() > $timestamp + 1800) {
    reject('Request is too old');
}
if ($timestamp > time() + 1800) {
    reject('Request is too far in the future');
}
if (!isset($users[$user])) {
    reject('Invalid credentials.');
}
$contentType = $_SERVER['CONTENT_TYPE'] ?? $_SERVER['HTTP_CONTENT_TYPE'] ?? null;
if ($contentType === null) {
    reject('Content type header required');
}
$body = file_get_contents('php://input');
$lines = [
    strtoupper($_SERVER['REQUEST_METHOD']),
    md5($body),
    strtolower($contentType),
    $date,
    '',
    $_SERVER['REQUEST_URI'],
];
$expected = base64_encode(hash_hmac('sha1', implode("\n", $lines), $users[$user], true));
if (!hash_equals($expected, $signature)) {
    reject('Signature not valid');
}
header('Content-Type: application/json');
echo json_encode(['verifiedBy' => 'php', 'user' => $user, 'uri' => $_SERVER['REQUEST_URI'], 'bodyMD5' => md5($body)]);

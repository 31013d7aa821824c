/**
 * `npm run example:microservices`: starts the users service and the gateway on loopback
 * (USERS_PORT, default 3001; PORT, default 3000) and prints requests to try. Ctrl+C stops both.
 */
import { buildGateway } from './gateway.js'
import { CORRUPT_USER_ID, buildUsers } from './users.js'

const host = '127.0.0.1'
const usersPort = Number(process.env.USERS_PORT ?? 3001)
const gatewayPort = Number(process.env.PORT ?? 3000)

const users = await buildUsers()
const usersUrl = await users.listen({ host, port: usersPort })
const gateway = await buildGateway({ usersUrl })
const gatewayUrl = await gateway.listen({ host, port: gatewayPort })

console.log(`
users service: ${usersUrl}
gateway:       ${gatewayUrl}

curl -i ${gatewayUrl}/api/users/1                                  # 200, the user
curl -i ${gatewayUrl}/api/users/42 -H 'x-correlation-id: demo-42'  # 404 from users, passed on
curl -i ${gatewayUrl}/api/users/${CORRUPT_USER_ID}                                 # users crashes: 502 Bad Gateway

Each answer's x-correlation-id appears in both services' log lines above.
`)

async function stop(): Promise<void> {
  await gateway.close()
  await users.close()
}
process.once('SIGINT', () => void stop())
process.once('SIGTERM', () => void stop())
